using System.Globalization;

namespace Reclamations.Domain.Letters;

/// <summary>French formatting of dates and amounts for letters (no dependency on ICU data).</summary>
public static class FrenchFormat
{
    private static readonly string[] Months =
    [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    private static readonly NumberFormatInfo AmountFormat = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00A0",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary><c>14 mai 2026</c>, <c>1er juin 2026</c>.</summary>
    public static string Date(DateOnly date)
    {
        var day = date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
        return $"{day} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The date of an instant as seen in the given time zone.</summary>
    public static string Date(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, timeZone).DateTime));

    /// <summary><c>1 234,5</c> (no-break space between thousands, up to two decimals).</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", AmountFormat);

    /// <summary><c>1 234,50 €</c> (no-break spaces), always two decimals.</summary>
    public static string Amount(decimal amount) => amount.ToString("N2", AmountFormat) + "\u00A0€";
}
