namespace Reclamations.Domain.Calendars;

/// <summary>The cached holidays of one region and year: the sorted list and a lookup set.</summary>
internal sealed class HolidayYear
{
    private readonly HashSet<DateOnly> _dates;

    public HolidayYear(IReadOnlyList<(DateOnly Date, string Name)> holidays)
    {
        Holidays = holidays.ToList().AsReadOnly();
        _dates = holidays.Select(h => h.Date).ToHashSet();
    }

    public IReadOnlyList<(DateOnly Date, string Name)> Holidays { get; }

    public bool Contains(DateOnly date) => _dates.Contains(date);
}
