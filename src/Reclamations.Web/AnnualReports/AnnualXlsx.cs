using MiniExcelLibs;
using Reclamations.Domain.Reporting.Annual;
using static Reclamations.Web.AnnualReports.AnnualText;

namespace Reclamations.Web.AnnualReports;

/// <summary>The annual workbooks (MiniExcel): the CAA reporting (count, classification, complaints, measures) and one insurer's
/// report (its contracts' complaints only).</summary>
public static class AnnualXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Caa(AnnualFigures f, IReadOnlyList<AnnualComplaintRow> rows)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Nombre"] = f.ByMonth.Select(r => new Dictionary<string, object?> { ["Mois"] = r.Label, ["Réclamations enregistrées"] = r.Count })
                .Append(new Dictionary<string, object?> { ["Mois"] = "Total", ["Réclamations enregistrées"] = f.Received }).ToList(),
            ["Classement"] = f.ByCaaType.Select(r => new Dictionary<string, object?> { ["Type de réclamation"] = r.Label, ["Code"] = r.Code, ["Nombre"] = r.Count }).ToList(),
            ["Réclamations"] = rows.Count == 0
                ? [Row(new AnnualComplaintRow("", default, "", "", "", "", "", null, null, "", null, null, false, false, 0), blank: true)]
                : rows.Select(r => Row(r, blank: false)).ToList(),
            ["Synthèse"] = new List<Dictionary<string, object?>>
            {
                Pair("Année", f.Year), Pair("Périmètre", f.ScopeLabel), Pair("Situation au", Shared.FrenchDates.DayAndTime(f.SituationAt)),
                Pair("Réclamations enregistrées", f.Received), Pair("Rouvertes (comptées une fois)", f.Reopened),
                Pair("Accusés de réception dans le délai", Rate(f.Acknowledgement)), Pair("Réponses dans le délai", Rate(f.Answer)),
                Pair("Délai médian de réponse (jours)", f.AnswerTimes.MedianDays), Pair("90e centile (jours)", f.AnswerTimes.P90Days),
                Pair("Second niveau", f.SecondLevelCases), Pair("Saisines du CAA", f.CaaCases), Pair("Contentieux", f.LitigationCases),
                Pair("Réclamations systémiques", f.SystemicComplaints),
            },
            ["Mesures"] = f.CorrectiveActions.Count == 0
                ? [Measure(null)]
                : f.CorrectiveActions.Select(a => Measure(a)).ToList(),
        };
        return Save(sheets);
    }

    public static byte[] Insurer(IReadOnlyList<InsurerComplaintRow> rows)
    {
        var list = rows.Select(r => new Dictionary<string, object?>
        {
            ["Référence"] = r.Reference, ["Reçue le"] = Date(r.ReceivedOn), ["Accusé de réception le"] = Date(r.AcknowledgedOn),
            ["Réponse le"] = Date(r.AnsweredOn), ["Catégorie"] = r.Category, ["Produit"] = r.Product, ["Contrat"] = r.Contract,
            ["Issue"] = r.Outcome, ["AR dans le délai"] = YesNo(r.AcknowledgementMet), ["Réponse dans le délai"] = YesNo(r.AnswerMet),
            ["Actions correctives"] = r.CorrectiveActions,
        }).ToList();
        if (list.Count == 0)
            list.Add(new[] { "Référence", "Reçue le", "Accusé de réception le", "Réponse le", "Catégorie", "Produit", "Contrat", "Issue",
                "AR dans le délai", "Réponse dans le délai", "Actions correctives" }.ToDictionary(k => k, _ => (object?)""));
        return Save(new Dictionary<string, object> { ["Réclamations"] = list });
    }

    private static Dictionary<string, object?> Row(AnnualComplaintRow r, bool blank) => new()
    {
        ["Référence"] = r.Reference, ["Reçue le"] = blank ? "" : Date(r.ReceivedOn), ["Profil"] = r.Profile, ["Canal"] = r.Channel,
        ["Catégorie"] = r.Category, ["Type CAA"] = r.CaaTypeLabel, ["Accusé de réception le"] = Date(r.AcknowledgedOn),
        ["Réponse le"] = Date(r.AnsweredOn), ["Issue"] = r.Outcome, ["AR dans le délai"] = blank ? "" : YesNo(r.AcknowledgementMet),
        ["Réponse dans le délai"] = blank ? "" : YesNo(r.AnswerMet), ["Rouverte"] = blank ? "" : YesNo(r.Reopened),
        ["Saisine du CAA"] = blank ? "" : YesNo(r.ReferredToCaa), ["Actions correctives"] = blank ? "" : r.CorrectiveActions,
    };

    private static Dictionary<string, object?> Measure(ActionFigure? a) => new()
    {
        ["Mesure"] = a?.Description ?? "", ["Type"] = a?.TypeLabel ?? "", ["Statut"] = a?.StatusLabel ?? "", ["Échéance"] = Date(a?.DueDate),
        ["Décidée le"] = Date(a?.CreatedOn), ["Close le"] = Date(a?.ClosedOn), ["Réclamation"] = a?.Reference ?? "",
    };

    private static Dictionary<string, object?> Pair(string label, object? value) => new() { ["Indicateur"] = label, ["Valeur"] = value };

    private static byte[] Save(Dictionary<string, object> sheets)
    {
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }
}
