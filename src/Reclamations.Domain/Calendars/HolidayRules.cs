namespace Reclamations.Domain.Calendars;

/// <summary>Computes the public holidays of one region and year, sorted by date.</summary>
internal static class HolidayRules
{
    /// <summary>First year Luxembourg observes Europe Day (loi du 26 avril 2019).</summary>
    private const int LuxembourgEuropeDayFirstYear = 2019;

    public static IReadOnlyList<(DateOnly Date, string Name)> Compute(HolidayRegion region, int year) =>
        region switch
        {
            HolidayRegion.France => France(year, alsaceMoselle: false),
            HolidayRegion.FranceAlsaceMoselle => France(year, alsaceMoselle: true),
            HolidayRegion.Luxembourg => Luxembourg(year),
            _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown holiday region."),
        };

    private static List<(DateOnly Date, string Name)> France(int year, bool alsaceMoselle)
    {
        var easter = EasterCalculator.EasterSunday(year);
        var holidays = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du Travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        };
        if (alsaceMoselle)
        {
            holidays.Add((easter.AddDays(-2), "Vendredi saint"));
            holidays.Add((new DateOnly(year, 12, 26), "Saint-Étienne"));
        }

        return Sorted(holidays);
    }

    private static List<(DateOnly Date, string Name)> Luxembourg(int year)
    {
        var easter = EasterCalculator.EasterSunday(year);
        var holidays = new List<(DateOnly Date, string Name)>
        {
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du Travail"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 6, 23), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 12, 25), "Noël"),
            (new DateOnly(year, 12, 26), "Deuxième jour de Noël"),
        };
        if (year >= LuxembourgEuropeDayFirstYear)
        {
            holidays.Add((new DateOnly(year, 5, 9), "Journée de l'Europe"));
        }

        return Sorted(holidays);
    }

    private static List<(DateOnly Date, string Name)> Sorted(List<(DateOnly Date, string Name)> holidays)
    {
        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        return holidays;
    }
}
