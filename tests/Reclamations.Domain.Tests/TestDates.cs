using System.Globalization;

namespace Reclamations.Domain.Tests;

/// <summary>Parses the ISO dates and instants used in InlineData tables.</summary>
internal static class TestDates
{
    public static DateOnly D(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalD(string? isoDate) => isoDate is null ? null : D(isoDate);

    public static DateTimeOffset T(string isoInstant) =>
        DateTimeOffset.ParseExact(isoInstant, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
