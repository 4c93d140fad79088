using System.Globalization;
using System.Text.RegularExpressions;

namespace Reclamations.Engine.Parsing;

/// <summary><c>camunda:historyTimeToLive</c>: a number of days (<c>1827</c>) or an ISO 8601 duration in days (<c>P1827D</c>),
/// as Camunda 7 accepts it.</summary>
public static partial class HistoryTimeToLiveReader
{
    [GeneratedRegex(@"^(?:P(?<days>\d{1,6})D|(?<days>\d{1,6}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Days();

    /// <summary>The time to live, or null when <paramref name="text"/> is not days (<paramref name="error"/> says why).</summary>
    public static TimeSpan? TryParse(string text, out string? error)
    {
        var match = Days().Match(text.Trim());
        if (!match.Success)
        {
            error = $"'{text}' is not a number of days (e.g. 1827 or P1827D)";
            return null;
        }
        error = null;
        return TimeSpan.FromDays(int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture));
    }

    /// <exception cref="FormatException">Not a number of days.</exception>
    public static TimeSpan Parse(string text) => TryParse(text, out var error) ?? throw new FormatException(error);
}
