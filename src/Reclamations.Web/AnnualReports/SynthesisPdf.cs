using Reclamations.Domain.Reporting.Annual;
using static Reclamations.Web.AnnualReports.AnnualText;

namespace Reclamations.Web.AnnualReports;

/// <summary>The annual synthesis for the governance bodies (ACPR 2024-R-02 §8) as a PDF: figures with their charts and
/// tables, quality of the set-up, dysfunctions and breaches, corrective measures with their status, the officer's analysis.</summary>
public static class SynthesisPdf
{
    public static byte[] Render(AnnualFigures f, AnnualAnalysisVersion? analysis, string firmName, string fontDirectory)
    {
        var title = $"Synthèse annuelle des réclamations {f.Year}";
        using var pdf = new PdfReportWriter(title, $"{firmName} — {f.ScopeLabel} — ACPR 2024-R-02 §8", $"{firmName} — {title} — {f.ScopeLabel}");
        pdf.Title(title);
        pdf.Paragraph($"{firmName} — {f.ScopeLabel}. Synthèse destinée aux instances de gouvernance (recommandation ACPR 2024-R-02, §8).");
        pdf.Paragraph(Situation(f), small: true);
        pdf.Paragraph(Definitions, small: true);

        pdf.Heading("1. Réclamations reçues");
        pdf.Table(["Indicateur", "Nombre"], [
            ["Réclamations reçues", N(f.Received)],
            ["dont demandes non constitutives d'une réclamation", N(f.NotComplaints)],
            ["Réclamations rouvertes (comptées une fois)", N(f.Reopened)],
            ["Réclamations au second niveau", N(f.SecondLevelCases)],
            ["Saisines du médiateur (ou transmises par lui)", N(f.MediatorCases)],
            ["Saisines du CAA (ou transmises par lui)", N(f.CaaCases)],
            ["Réclamations passées au contentieux", N(f.LitigationCases)],
        ], [0.8, 0.2]);
        Chart(pdf, "par-mois", f, fontDirectory);
        pdf.Table(["Mois", "Reçues"], f.ByMonth.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        pdf.Table(["Catégorie", "Reçues"], f.ByCategory.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        Chart(pdf, "par-canal", f, fontDirectory);
        pdf.Table(["Canal", "Reçues"], f.ByChannel.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        Chart(pdf, "issues", f, fontDirectory);
        pdf.Table(["Issue", "Nombre"], f.Outcomes.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);

        pdf.Heading("2. Qualité du dispositif");
        Chart(pdf, "delais", f, fontDirectory);
        pdf.Table(["Délai", "Respectés", "Dépassés", "En cours", "Taux de respect"], DeadlineRows(f), [0.36, 0.16, 0.16, 0.16, 0.16]);
        pdf.Table(["Délai de traitement", "Valeur"], [
            ["Réponses envoyées", N(f.AnswerTimes.Answered)],
            ["Délai médian de réponse", Days(f.AnswerTimes.MedianDays)],
            ["90e centile du délai de réponse", Days(f.AnswerTimes.P90Days)],
        ], [0.8, 0.2]);

        pdf.Heading("3. Dysfonctionnements et manquements identifiés");
        pdf.Table(["Dépassement de délai enregistré", "Nombre"], f.Breaches.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        pdf.Table(["Indicateur", "Nombre"], [
            ["Réclamations ayant révélé un dysfonctionnement documenté", N(f.ComplaintsWithDysfunction)],
            ["Réclamations signalées comme d'origine systémique", N(f.SystemicComplaints)],
        ], [0.8, 0.2]);
        if (f.RootCauses.Count == 0) pdf.Paragraph("Aucune cause n'a été attribuée aux réclamations de l'année.");
        else
            pdf.Table(["Cause", "Réclamations", "dont systémiques", "Actions liées"],
                f.RootCauses.Select(c => (IReadOnlyList<string>)[c.Label, N(c.Count), N(c.Systemic), N(c.Actions)]), [0.55, 0.15, 0.15, 0.15]);

        pdf.Heading("4. Mesures correctives envisagées ou mises en œuvre");
        pdf.Table(["Statut", "Nombre"], f.CorrectiveActionsByStatus.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Count)]), [0.8, 0.2]);
        if (f.CorrectiveActions.Count > 0)
            pdf.Table(["Mesure", "Type", "Statut", "Échéance", "Réclamation"],
                f.CorrectiveActions.Select(a => (IReadOnlyList<string>)[a.Description, a.TypeLabel, a.StatusLabel + (a.Overdue ? " (en retard)" : ""),
                    Date(a.DueDate), a.Reference]), [0.42, 0.14, 0.16, 0.12, 0.16]);

        pdf.Heading("5. Analyse du responsable des réclamations");
        if (analysis is null) pdf.Paragraph("Aucune analyse n'a encore été rédigée pour cette année.");
        else
        {
            pdf.Paragraph(analysis.Text);
            pdf.Paragraph($"Analyse version {analysis.Version}, enregistrée le {Shared.FrenchDates.DayAndTime(analysis.SavedAt)}.", small: true);
        }

        return pdf.Save();
    }

    private static void Chart(PdfReportWriter pdf, string chart, AnnualFigures f, string fontDirectory) =>
        pdf.Image(AnnualCharts.Render(chart, f, fontDirectory), 420);
}
