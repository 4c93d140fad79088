using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Tests.Letters;

public sealed class FrenchFormatTests
{
    [Theory]
    [InlineData(2026, 5, 14, "14 mai 2026")]
    [InlineData(2026, 6, 1, "1er juin 2026")]
    [InlineData(2026, 8, 15, "15 août 2026")]
    [InlineData(2027, 2, 28, "28 février 2027")]
    public void Dates_are_written_the_french_way(int year, int month, int day, string expected) =>
        FrenchFormat.Date(new DateOnly(year, month, day)).Should().Be(expected);

    [Fact]
    public void Instants_take_the_date_of_the_firm_time_zone()
    {
        var lateEvening = new DateTimeOffset(2026, 5, 14, 22, 30, 0, TimeSpan.Zero);

        FrenchFormat.Date(lateEvening, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Should().Be("15 mai 2026");
    }

    [Theory]
    [InlineData(1234.5, "1\u00A0234,50\u00A0€")]
    [InlineData(0, "0,00\u00A0€")]
    [InlineData(1000000, "1\u00A0000\u00A0000,00\u00A0€")]
    public void Amounts_are_in_euros_french_style(decimal amount, string expected) =>
        FrenchFormat.Amount(amount).Should().Be(expected);
}
