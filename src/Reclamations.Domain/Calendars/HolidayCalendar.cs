using System.Collections.Concurrent;

namespace Reclamations.Domain.Calendars;

/// <summary>
/// The public holidays of a region, computed from rules (Easter-based feasts included)
/// and cached per year. Instances are shared and thread-safe.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly HolidayCalendar France = new(HolidayRegion.France);
    private static readonly HolidayCalendar FranceAlsaceMoselle = new(HolidayRegion.FranceAlsaceMoselle);
    private static readonly HolidayCalendar Luxembourg = new(HolidayRegion.Luxembourg);

    private readonly ConcurrentDictionary<int, HolidayYear> _years = new();

    private HolidayCalendar(HolidayRegion region) => Region = region;

    public HolidayRegion Region { get; }

    /// <summary>Returns the shared calendar of <paramref name="region"/>.</summary>
    public static HolidayCalendar For(HolidayRegion region) =>
        region switch
        {
            HolidayRegion.France => France,
            HolidayRegion.FranceAlsaceMoselle => FranceAlsaceMoselle,
            HolidayRegion.Luxembourg => Luxembourg,
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown holiday region."),
        };

    public bool IsHoliday(DateOnly date) => YearOf(date.Year).Contains(date);

    /// <summary>The holidays of <paramref name="year"/>, sorted by date, with their French names.</summary>
    public IReadOnlyList<(DateOnly Date, string Name)> HolidaysIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);
        return YearOf(year).Holidays;
    }

    private HolidayYear YearOf(int year) =>
        _years.GetOrAdd(year, static (y, region) => new HolidayYear(HolidayRules.Compute(region, y)), Region);
}
