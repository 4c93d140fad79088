using Reclamations.Engine.Api;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reclamations.Engine.Timers;

/// <summary>An ISO 8601 duration such as P10D, P2M, PT36H, P1W, P1Y2M10DT2H30M or PT0.5S.</summary>
public sealed record IsoDuration(int Years, int Months, int Weeks, int Days, TimeSpan Time)
{
    private static readonly Regex Pattern = new(
        @"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+(?:[.,]\d+)?)H)?(?:(?<mi>\d+(?:[.,]\d+)?)M)?(?:(?<s>\d+(?:[.,]\d+)?)S)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture);

    /// <exception cref="FormatException">The text is not an ISO 8601 duration; the message names it.</exception>
    public static IsoDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a valid ISO 8601 duration (expected e.g. P10D, PT36H, P1Y2M10DT2H30M).");

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = null!;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var match = Pattern.Match(trimmed);
        var timeIndex = trimmed.IndexOfAny(['T', 't']);
        if (!match.Success || trimmed.Length == 1 || timeIndex == trimmed.Length - 1)
        {
            return false;
        }

        try
        {
            var time = TimeSpan.FromTicks(checked(
                Ticks(match.Groups["h"], TimeSpan.TicksPerHour)
                + Ticks(match.Groups["mi"], TimeSpan.TicksPerMinute)
                + Ticks(match.Groups["s"], TimeSpan.TicksPerSecond)));
            duration = new IsoDuration(
                Whole(match.Groups["y"]),
                Whole(match.Groups["mo"]),
                Whole(match.Groups["w"]),
                Whole(match.Groups["d"]),
                time);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds years, months, weeks and days in the zone's local calendar (the wall-clock time is kept across DST changes;
    /// months clamp to the last day of the month), then the time part as elapsed time.
    /// </summary>
    public DateTimeOffset AddTo(DateTimeOffset from, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var result = local;
        if (Years != 0 || Months != 0 || Weeks != 0 || Days != 0)
        {
            var wallClock = local.DateTime
                .AddYears(Years)
                .AddMonths(Months)
                .AddDays(Weeks * 7L + Days);
            result = ZonedTime.AtLocal(wallClock, zone, local.Offset);
        }

        return Time == TimeSpan.Zero ? result : TimeZoneInfo.ConvertTime(result.Add(Time), zone);
    }

    /// <summary>This duration <paramref name="times"/> times over (P1M × 3 = P3M): the nth occurrence of a cycle is its
    /// start plus the period times n, so that month ends do not drift.</summary>
    public IsoDuration Times(int times) => new(
        checked(Years * times), checked(Months * times), checked(Weeks * times), checked(Days * times),
        TimeSpan.FromTicks(checked(Time.Ticks * times)));

    /// <summary>A lower bound of the elapsed time this duration spans (a month at least 28 days, a day at least 23 hours).</summary>
    public TimeSpan ShortestLength =>
        TimeSpan.FromDays(Years * 365.0 + Months * 28.0 + Weeks * 7.0) + TimeSpan.FromHours(Days * 23.0) + Time;

    /// <summary>The average elapsed time this duration spans (to estimate how many periods fit in an interval).</summary>
    internal TimeSpan AverageLength =>
        TimeSpan.FromDays(Years * 365.2425 + Months * 30.436875 + Weeks * 7.0 + Days) + Time;

    /// <summary>The ISO 8601 form, e.g. P1Y2M10DT2H30M.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Time != TimeSpan.Zero)
        {
            text.Append('T');
            var hours = (long)Time.TotalHours;
            Append(text, hours, 'H');
            Append(text, Time.Minutes, 'M');
            var seconds = Time.Ticks % TimeSpan.TicksPerMinute / (decimal)TimeSpan.TicksPerSecond;
            if (seconds != 0)
            {
                text.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, long value, char designator)
    {
        if (value != 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }

    private static int Whole(Group group) =>
        group.Success ? int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    private static long Ticks(Group group, long ticksPerUnit) =>
        group.Success
            ? (long)decimal.Round(checked(decimal.Parse(group.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * ticksPerUnit))
            : 0;
}
