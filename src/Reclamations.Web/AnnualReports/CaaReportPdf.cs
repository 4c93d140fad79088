using Reclamations.Domain.Reporting.Annual;
using static Reclamations.Web.AnnualReports.AnnualText;

namespace Reclamations.Web.AnnualReports;

/// <summary>The annual reporting to the CAA (seed 004, « Reporting au CAA »): the table of the number of complaints registered
/// in the year, their classification by the seven types, and the summary report of the complaints and the measures taken.</summary>
public static class CaaReportPdf
{
    public static byte[] Render(AnnualFigures f, IReadOnlyList<AnnualComplaintRow> rows, AnnualAnalysisVersion? analysis, string firmName)
    {
        var title = $"Reporting annuel au Commissariat aux Assurances — {f.Year}";
        using var pdf = new PdfReportWriter(title, $"{firmName} — {f.ScopeLabel}", $"{firmName} — {title}");
        pdf.Title(title);
        pdf.Paragraph($"{firmName} — {f.ScopeLabel}. Règlement CAA n° 19/03 ; procédure interne, « Reporting au CAA ».");
        pdf.Paragraph(Situation(f), small: true);

        pdf.Heading("1. Nombre de réclamations enregistrées");
        pdf.Table(["Mois", "Enregistrées"], [.. f.ByMonth.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), ["Total", N(f.Received)]], [0.8, 0.2]);

        pdf.Heading("2. Classement des réclamations enregistrées");
        pdf.Table(["Type de réclamation", "Nombre"], f.ByCaaType.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        pdf.Table(["Catégorie", "Nombre"], f.ByCategory.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        if (rows.Count > 0)
            pdf.Table(["Référence", "Reçue le", "Type", "Issue", "AR dans le délai", "Réponse dans le délai"],
                rows.Select(r => (IReadOnlyList<string>)[r.Reference, Date(r.ReceivedOn), r.CaaTypeLabel, r.Outcome, YesNo(r.AcknowledgementMet), YesNo(r.AnswerMet)]),
                [0.17, 0.13, 0.26, 0.18, 0.13, 0.13]);

        pdf.Heading("3. Rapport synthétique des réclamations et des mesures prises");
        pdf.Table(["Indicateur", "Valeur"], [
            ["Réclamations enregistrées", N(f.Received)],
            ["Issues : fondées / partiellement fondées / non fondées",
                string.Join(" / ", new[] { "founded", "partlyFounded", "unfounded" }.Select(c => N(f.Outcomes.First(o => o.Code == c).Count)))],
            ["En cours au terme de la période", N(f.Outcomes.First(o => o.Code == "pending").Count)],
            ["Accusés de réception dans le délai de 10 jours ouvrables", Rate(f.Acknowledgement)],
            ["Réponses dans le délai", Rate(f.Answer)],
            ["Délai médian / 90e centile de réponse", $"{Days(f.AnswerTimes.MedianDays)} / {Days(f.AnswerTimes.P90Days)}"],
            ["Réclamations revues par la Direction (second niveau)", N(f.SecondLevelCases)],
            ["Saisines du CAA", N(f.CaaCases)],
            ["Réclamations passées au contentieux", N(f.LitigationCases)],
            ["Réclamations d'origine systémique", N(f.SystemicComplaints)],
        ], [0.7, 0.3]);
        if (f.RootCauses.Count > 0)
            pdf.Table(["Cause identifiée", "Réclamations", "dont systémiques"],
                f.RootCauses.Select(c => (IReadOnlyList<string>)[c.Label, N(c.Count), N(c.Systemic)]), [0.6, 0.2, 0.2]);
        pdf.Table(["Mesure prise", "Type", "Statut", "Réclamation"],
            f.CorrectiveActions.Count == 0 ? [["Aucune mesure corrective enregistrée", "", "", ""]]
                : f.CorrectiveActions.Select(a => (IReadOnlyList<string>)[a.Description, a.TypeLabel, a.StatusLabel, a.Reference]),
            [0.5, 0.16, 0.16, 0.18]);
        if (analysis is not null) pdf.Paragraph(analysis.Text);
        return pdf.Save();
    }
}
