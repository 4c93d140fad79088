using System.Globalization;

namespace Reclamations.Web.Shared;

/// <summary>Dates as the back office shows them: "29 novembre 2026", times in the firm's time zone.</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    /// <summary>The firm's time zone for display.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", French);

    public static string Day(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("d MMMM yyyy", French);

    public static string DayAndTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("d MMMM yyyy 'à' HH:mm", French);
}
