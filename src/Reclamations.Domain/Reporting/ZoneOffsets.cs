using System.Globalization;
using System.Text;

namespace Reclamations.Domain.Reporting;

/// <summary>A zone's UTC offsets as SQL rows <c>(s, o)</c>: from UTC tick <c>s</c> on, local ticks = UTC ticks + <c>o</c>. SQLite
/// knows no time zones; with these rows a query gives the local date of a stored instant (UTC ticks) exactly, DST included.</summary>
internal static class ZoneOffsets
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>The <c>VALUES</c> rows covering the years <paramref name="fromYear"/> to <paramref name="toYear"/> (the first row
    /// starts at tick 0 and stands for every earlier instant; the last offset holds for every later one).</summary>
    public static string ValuesSql(TimeZoneInfo zone, int fromYear, int toYear)
    {
        var rows = new List<(long Start, long Offset)>();
        var day = new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(toYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(day);
        rows.Add((0, offset.Ticks));
        for (; day < end; day = day.AddDays(1))
        {
            if (zone.GetUtcOffset(day.AddDays(1)) == offset) continue;
            // The change lies within this day: find its quarter of an hour (zones change on whole quarters).
            var at = day;
            while (zone.GetUtcOffset(at) == offset) at += Step;
            offset = zone.GetUtcOffset(at);
            rows.Add((at.UtcTicks, offset.Ticks));
        }

        var sql = new StringBuilder("VALUES ");
        for (var i = 0; i < rows.Count; i++)
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({rows[i].Start}, {rows[i].Offset})");
        return sql.ToString();
    }
}
