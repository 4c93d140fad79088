using System.Globalization;
using Reclamations.Domain.Reporting.Annual;

namespace Reclamations.Web.AnnualReports;

/// <summary>The French wording shared by the annual documents (PDF, printable page, XLSX).</summary>
public static class AnnualText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly? day) => day?.ToString("dd/MM/yyyy", French) ?? "";

    public static string Situation(AnnualFigures f) =>
        $"Période du {Date(f.PeriodStart)} au {Date(f.PeriodEnd)} (année de réception) ; situation arrêtée au {Shared.FrenchDates.DayAndTime(f.SituationAt)}.";

    public static string Rate(DeadlineFigures d) => d.MetRate is { } rate ? rate.ToString("0.0", French) + " %" : "—";

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", French) + " j" : "—";

    public static string YesNo(bool? value) => AnnualLabels.YesNo(value);

    /// <summary>The rows of the deadlines' table: deadline, met, missed, running, rate.</summary>
    public static IEnumerable<IReadOnlyList<string>> DeadlineRows(AnnualFigures f) =>
        new[] { ("Accusé de réception", f.Acknowledgement), ("Réponse", f.Answer), ("Second niveau", f.SecondLevel) }
            .Select(d => (IReadOnlyList<string>)[d.Item1, N(d.Item2.Met), N(d.Item2.Missed), N(d.Item2.Pending), Rate(d.Item2)]);

    public static string N(int value) => value.ToString(French);

    public const string Definitions =
        "Définitions : l'année d'une réclamation est celle de sa réception ; le délai de traitement court du point de départ du délai " +
        "réglementaire jusqu'à l'envoi de la réponse (médiane ; 90e centile au rang le plus proche) ; une réclamation rouverte compte une " +
        "fois, signalée ; les demandes non constitutives d'une réclamation sont comptées dans les reçues mais pas dans les délais. " +
        "Chiffres issus du seul registre des réclamations (les simulations ont leur propre base), sans donnée personnelle ni détail de contentieux.";
}
