using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Reclamations.Domain.Reporting;

/// <summary>The dashboard's counts, maintained in the transaction of each register change (migration
/// <c>Reporting_DashboardSpeed</c>): rows keyed by local month of receipt, deadline profile and category (<c>yyyyMM</c> in the firm's zone),
/// each table holding what one figure groups by. A complaint's contribution to every table is the same GROUP BY restricted to its
/// id: <see cref="Persistence.DomainDbContext"/> subtracts the contributions of the complaints a save touches before it writes
/// (complaints, their corrective actions, their referrals) and adds them back after, so the tables always equal a recount
/// (<see cref="DashboardQuery.PrepareCountsAsync"/> rebuilds them). The zone they were counted in is stored in <c>DashboardCountsState</c>: without that row (counts not
/// built yet) a save leaves them alone, and the dashboard builds them on its first run (or when the firm's zone changed).</summary>
internal static class DashboardCounts
{
    /// <summary>Stands for a null key (SQLite's primary keys do not match nulls in an upsert).</summary>
    public const string Null = "char(1)";

    private static readonly ConcurrentDictionary<string, Statements> ByZone = new(StringComparer.Ordinal);

    public static Statements For(string timeZoneId) =>
        ByZone.GetOrAdd(timeZoneId, id => new Statements(Engine.Api.ZonedTime.FindZone(id)));

    /// <summary>The complaint's columns the tables count (a save that changes none of them leaves the counts alone).</summary>
    public static readonly IReadOnlySet<string> CountedProperties = new HashSet<string>(StringComparer.Ordinal)
    {
        "ReceivedAt", "ProfileCode", "Category", "Channel", "ReopenCount", "DeadlineBreaches", "AcknowledgedAt", "AnsweredAt", "ClockStart",
        "SecondLevelDueDate", "SecondLevelDecision", "Status", "Outcome", "LitigationStartedAt", "ReceivedThrough", "ProductOrService", "Insurer",
        "PersonsInvolved", "Id",
    };

    public const string ReadState = "SELECT TimeZoneId FROM DashboardCountsState WHERE Id = 1";

    public static readonly string[] Tables =
        ["DashboardMonthly", "DashboardHandling", "DashboardOpen", "DashboardProducts", "DashboardInsurers", "DashboardPersons", "DashboardActions"];

    /// <summary>The counted columns of <c>DashboardMonthly</c>, in the order of <see cref="DashboardSql.Monthly"/>.</summary>
    public const int MonthlyCounters = 18;

    /// <summary>The statements of one zone: each adds <c>$sign</c> × the contribution of the complaints selected by
    /// <c>{where}</c> (ids in <c>$ids</c>, a JSON array, or every complaint).</summary>
    public sealed class Statements
    {
        public Statements(TimeZoneInfo zone)
        {
            Zone = zone;
            // The local month and day come from the zone itself (functions of this connection, see Register): a CASE over the
            // zone's changes would cost the parsing of a long statement on every save.
            var month = "dashboard_month(x.ReceivedAt)";
            var day = "dashboard_day(x.ReceivedAt)";
            var answered = "dashboard_day(x.AnsweredAt)";
            var key = "x.ProfileCode, " + month;
            Upserts =
            [
                Upsert("DashboardMonthly", "Category, Channel", "x.Category, x.Channel", DashboardSql.MonthlyCounted("x", $"({DashboardSql.OutcomeClass})"), MonthlyCounters, "1 = 1", key),
                Upsert("DashboardHandling", "Category, Days", $"x.Category, max(0, {answered} - {DashboardSql.DateDay("x.ClockStart")})", ["COUNT(*)"], 1,
                    "x.AnsweredAt IS NOT NULL", key),
                Upsert("DashboardOpen", "Day, Category, Status", $"{day}, x.Category, x.Status", ["COUNT(*)"], 1, "x.Status <> 'Closed'", "x.ProfileCode, 0"),
                Upsert("DashboardProducts", "Category, Product", $"x.Category, coalesce(x.ProductOrService, {Null})", ["COUNT(*)"], 1, "1 = 1", key),
                Upsert("DashboardInsurers", "Category, Insurer", $"x.Category, coalesce(x.Insurer, {Null})", ["COUNT(*)"], 1, "1 = 1", key),
                Upsert("DashboardPersons", "Category, Person", "x.Category, j.value", ["COUNT(*)"], 1, "1 = 1", key, ", json_each(x.PersonsInvolved) j"),
                Upsert("DashboardActions", "Category, Status, Due", $"x.Category, a.Status, CASE WHEN a.Status = 'Open' THEN coalesce(a.DueDate, {Null}) ELSE {Null} END",
                    ["COUNT(*)"], 1, "1 = 1", key, " JOIN CorrectiveActions a ON a.ComplaintId = x.Id"),
            ];
        }

        public TimeZoneInfo Zone { get; }

        /// <summary>Declares the functions of these statements on <paramref name="connection"/>: <c>dashboard_day(ticks)</c>, the
        /// local day number of a UTC-ticks instant, and <c>dashboard_month(ticks)</c>, its local <c>yyyyMM</c>.</summary>
        public void Register(System.Data.Common.DbConnection connection)
        {
            var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
            var zone = Zone;
            sqlite.CreateFunction<long?, long?>("dashboard_day", ticks => ticks is { } t ? Local(t, zone).DayNumber : null, isDeterministic: true);
            sqlite.CreateFunction<long?, long?>("dashboard_month", ticks => ticks is { } t ? YearMonth(Local(t, zone)) : null, isDeterministic: true);
        }

        private static long YearMonth(DateOnly day) => day.Year * 100 + day.Month;

        private static DateOnly Local(long utcTicks, TimeZoneInfo zone) =>
            Engine.Api.ZonedTime.LocalDate(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone);

        /// <summary>Each table's upsert, with <c>{where}</c> to replace by the selection of complaints.</summary>
        public IReadOnlyList<string> Upserts { get; }

        public IEnumerable<string> ForIds() => Upserts.Select(u => u.Replace("{where}", "x.Id IN (SELECT value FROM json_each($ids))", StringComparison.Ordinal));

        public IEnumerable<string> ForAll() => Upserts.Select(u => u.Replace("{where}", "1 = 1", StringComparison.Ordinal));

        private static string Upsert(string table, string columns, string values, IReadOnlyList<string> counted, int counters, string filter, string key,
            string join = "")
        {
            var n = Enumerable.Range(0, counters).Select(i => $"N{i}").ToList();
            var sql = new StringBuilder($"INSERT INTO {table} (Profile, Month, {columns}, {string.Join(", ", n)}) ")
                .Append(CultureInfo.InvariantCulture, $"SELECT {key}, {values}, ")
                .Append(string.Join(", ", counted.Select(c => $"$sign * coalesce({c}, 0)")))
                .Append(CultureInfo.InvariantCulture, $" FROM Complaints x{join} WHERE ({{where}}) AND {filter} GROUP BY {string.Join(", ", Enumerable.Range(1, 2 + columns.Split(',').Length))} ")
                .Append(CultureInfo.InvariantCulture, $"ON CONFLICT (Profile, Month, {columns}) DO UPDATE SET ")
                .Append(string.Join(", ", n.Select(c => $"{c} = {c} + excluded.{c}")));
            return sql.ToString();
        }
    }

    /// <summary>The dashboard's statements over the counts (same columns as <see cref="DashboardSql"/>'s), after
    /// <see cref="Prefix"/>; the profile and category conditions from the filter.</summary>
    public static string Prefix(IReadOnlyList<DateOnly> months) =>
        "WITH m(i, ym) AS (VALUES " + string.Join(", ", months.Select((d, i) => string.Create(CultureInfo.InvariantCulture, $"({i}, {d.Year * 100 + d.Month})"))) + ")\n";

    public static string Profile(string? profile, string? category) =>
        (profile is null ? "1 = 1" : "d.Profile = $profile") + (category is null ? "" : " AND d.Category = $category");

    private static string Sums(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"SUM(N{i})"));

    public static string Monthly(string? profile, string? category) =>
        $"SELECT m.i, Category, Channel, {Sums(MonthlyCounters)} FROM DashboardMonthly d JOIN m ON d.Month = m.ym WHERE {Profile(profile, category)} GROUP BY 1, 2, 3";

    public static string Handling(string? profile, string? category) =>
        $"SELECT m.i, Days, SUM(N0) FROM DashboardHandling d JOIN m ON d.Month = m.ym WHERE {Profile(profile, category)} GROUP BY 1, 2 HAVING SUM(N0) <> 0";

    public static string Open(string? profile, string? category)
    {
        var cases = string.Concat(AgeBucket.All.Where(b => b.MaxDays is not null).Select(b => $"WHEN age <= {b.MaxDays} THEN '{b.Key}' "));
        return $"SELECT Status, CASE {cases}ELSE '{AgeBucket.All[^1].Key}' END, SUM(N0) FROM (SELECT Status, $todayDay - Day AS age, N0 " +
               $"FROM DashboardOpen d WHERE Month = 0 AND Day >= $fromDay AND Day <= $toDay AND {Profile(profile, category)}) GROUP BY 1, 2";
    }

    /// <summary>Top values of <paramref name="column"/> (the register's column name, as <see cref="DashboardSql.Top"/>).</summary>
    public static string Top(string column, string? profile, string? category)
    {
        var (table, key) = column == "Insurer" ? ("DashboardInsurers", "Insurer") : ("DashboardProducts", "Product");
        return $"SELECT nullif({key}, {Null}), SUM(N0) FROM {table} d JOIN m ON d.Month = m.ym WHERE {Profile(profile, category)} GROUP BY 1 " +
               $"HAVING SUM(N0) <> 0 ORDER BY 2 DESC, 1 LIMIT {DashboardSql.TopCount + 1}";
    }

    public static string Persons(string? profile, string? category) =>
        $"SELECT Person, SUM(N0) FROM DashboardPersons d JOIN m ON d.Month = m.ym WHERE {Profile(profile, category)} GROUP BY 1 HAVING SUM(N0) <> 0 " +
        "ORDER BY 2 DESC, 1 LIMIT 1000";

    public static string Actions(string? profile, string? category) =>
        $"SELECT Status, Status = 'Open' AND Due <> {Null} AND Due < $today, SUM(N0) FROM DashboardActions d JOIN m ON d.Month = m.ym " +
        $"WHERE {Profile(profile, category)} GROUP BY 1, 2";
}
