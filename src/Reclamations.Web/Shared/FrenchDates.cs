using Reclamations.Engine.Api;
using System.Globalization;

namespace Reclamations.Web.Shared;

/// <summary>Dates as the back office shows them: "29 novembre 2026", times in the firm's time zone.</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    /// <summary>The firm's time zone for display (setting <c>Firm:TimeZoneId</c>, set once at start-up).</summary>
    public static TimeZoneInfo Zone { get; private set; } = ZonedTime.FindZone("Europe/Paris");

    /// <summary>Shows dates in the zone of <paramref name="timeZoneId"/> (an unknown id stops the start, naming it).</summary>
    public static void UseZone(string timeZoneId) => Zone = ZonedTime.FindZone(timeZoneId, "Firm:TimeZoneId");

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", French);

    public static string Day(DateTimeOffset instant) => ZonedTime.InZone(instant, Zone).ToString("d MMMM yyyy", French);

    public static string DayAndTime(DateTimeOffset instant) =>
        ZonedTime.InZone(instant, Zone).ToString("d MMMM yyyy 'à' HH:mm", French);
}
