using System.Globalization;
using System.Text;

namespace Reclamations.Domain.Reporting;

/// <summary>A zone's UTC offsets as an SQL expression: SQLite knows no time zones; with it a query gives the local ticks of a
/// stored instant (UTC ticks) exactly, DST included, as a CASE over the zone's changes (constants: no subquery per row).</summary>
internal static class ZoneOffsets
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>The local ticks of the instant column <paramref name="column"/>, exact for the years <paramref name="fromYear"/> to
    /// <paramref name="toYear"/> (the first offset stands for every earlier instant, the last one for every later one).</summary>
    public static string LocalTicksSql(string column, TimeZoneInfo zone, int fromYear, int toYear)
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

        if (rows.Count == 1) return $"({column} + {rows[0].Offset})";
        var sql = new StringBuilder($"({column} + CASE");
        for (var i = 1; i < rows.Count; i++)
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {column} < {rows[i].Start} THEN {rows[i - 1].Offset}");
        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {rows[^1].Offset} END)").ToString();
    }
}
