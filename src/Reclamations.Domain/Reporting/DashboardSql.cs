using System.Globalization;
using System.Text;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Reporting;

/// <summary>The dashboard's statements. Each starts with the same CTEs: <c>m</c> the months of the period (UTC tick bounds of the
/// firm's local months, clamped to the period) and <c>sel</c> the selected complaints with their month index, outcome class and
/// local days of receipt and answer (<see cref="ZoneOffsets"/>), found month by month through an index on <c>ReceivedAt</c>; every figure is a
/// GROUP BY over <c>sel</c>, so SQLite returns counts, never the complaints.</summary>
internal static class DashboardSql
{
    public const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>The local day number (days since 0001-01-01, as <see cref="DateTime.Ticks"/> / ticks per day) of an instant column,
    /// computed in <c>sel</c> (where the zone is known).</summary>
    private static string LocalDay(string column) => $"{column}Day";

    /// <summary>The day number of a date column stored as <c>yyyy-MM-dd</c>.</summary>
    public static string DateDay(string column) => $"CAST(julianday({column}) - 1721425.5 AS INTEGER)";

    private static string Breach(string deadline) => $"instr(coalesce(DeadlineBreaches, ''), '\"{deadline}\"') > 0";

    private const string AnswerBreach = "(" + "instr(coalesce(DeadlineBreaches, ''), '\"response\"') > 0 OR " +
                                        "instr(coalesce(DeadlineBreaches, ''), '\"responseDuringLitigation\"') > 0)";

    /// <summary>litigation (the litigation branch started, or the outcome was a threat of legal action), founded, partlyFounded,
    /// unfounded, notComplaint, else pending.</summary>
    public const string OutcomeClass =
        "CASE WHEN x.LitigationStartedAt IS NOT NULL OR x.Outcome = 'legalThreat' THEN 'litigation' " +
        "WHEN x.Outcome IN ('founded', 'partlyFounded', 'unfounded', 'notComplaint') THEN x.Outcome ELSE 'pending' END";

    public static readonly string[] Outcomes = ["founded", "partlyFounded", "unfounded", "litigation", "notComplaint", "pending"];

    public static string Prefix(DashboardFilter filter, TimeZoneInfo zone, DateOnly today)
    {
        var sql = new StringBuilder("WITH m(i, s, e) AS (VALUES ");
        var months = filter.Months();
        for (var i = 0; i < months.Count; i++)
        {
            var first = months[i] < filter.From ? filter.From : months[i];
            var last = months[i].AddMonths(1).AddDays(-1) > filter.To ? filter.To : months[i].AddMonths(1).AddDays(-1);
            var start = ZonedTime.StartOfDay(first, zone).UtcTicks;
            var end = ZonedTime.EndOfDay(last, zone).UtcTicks;
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({i}, {start}, {end})");
        }

        var lastYear = Math.Max(filter.To.Year, today.Year) + 1;
        string Day(string column) => $"({ZoneOffsets.LocalTicksSql("x." + column, zone, filter.From.Year - 1, lastYear)} / {TicksPerDay}) AS {column}Day";
        sql.Append("),\n");
        sql.Append(" sel AS (SELECT m.i AS month, x.Id, x.Category, x.Channel, x.ProductOrService, x.Insurer, x.PersonsInvolved, x.Status, ")
            .Append("x.DeadlineBreaches, x.AcknowledgedAt, x.AnsweredAt, x.ClockStart, x.SecondLevelDueDate, x.SecondLevelDecision, ")
            .Append("x.ReceivedThrough, x.ReopenCount, ").Append(OutcomeClass)
            .Append(" AS OutcomeClass, ").Append(Day("ReceivedAt")).Append(", ").Append(Day("AnsweredAt")).Append(' ')
            .Append("FROM m JOIN Complaints x ON x.ReceivedAt >= m.s AND x.ReceivedAt < m.e WHERE 1 = 1");
        if (filter.Profile is not null) sql.Append(" AND x.ProfileCode = $profile");
        if (filter.Category is not null) sql.Append(" AND x.Category = $category");
        if (filter.Product is not null) sql.Append(" AND x.ProductOrService = $product");
        sql.Append(")\n");
        return sql.ToString();
    }

    /// <summary>Per month, category and channel: received, reopened, each deadline met / missed, outcomes, referrals.</summary>
    public static readonly string Monthly =
        $"SELECT month, Category, Channel, {string.Join(", ", MonthlyCounted("sel", "OutcomeClass"))} FROM sel GROUP BY month, Category, Channel";

    /// <summary>The counted columns of <see cref="Monthly"/> over rows named <paramref name="row"/> whose outcome class is
    /// <paramref name="outcomeClass"/> (also summed into <see cref="DashboardCounts"/>' monthly table).</summary>
    public static IReadOnlyList<string> MonthlyCounted(string row, string outcomeClass) =>
    [
        "COUNT(*)", "SUM(ReopenCount > 0)",
        $"SUM(AcknowledgedAt IS NOT NULL AND NOT {Breach("acknowledgement")})", $"SUM({Breach("acknowledgement")})",
        $"SUM(AnsweredAt IS NOT NULL AND NOT {AnswerBreach})", $"SUM({AnswerBreach})",
        $"SUM(SecondLevelDueDate IS NOT NULL AND NOT {Breach("secondLevel")} AND (SecondLevelDecision IS NOT NULL OR Status = 'Closed'))",
        $"SUM({Breach("secondLevel")})",
        .. Outcomes.Select(o => $"SUM({outcomeClass} = '{o}')"),
        $"SUM(EXISTS (SELECT 1 FROM Referrals r WHERE r.ComplaintId = {row}.Id AND r.Body = 'Mediator'))", "SUM(ReceivedThrough = 'Mediator')",
        $"SUM(EXISTS (SELECT 1 FROM Referrals r WHERE r.ComplaintId = {row}.Id AND r.Body = 'Caa'))", "SUM(ReceivedThrough = 'Caa')",
    ];

    /// <summary>Per month: how many answered complaints took each number of calendar days from the clock start to the answer.</summary>
    public static readonly string Handling =
        $"SELECT month, days, COUNT(*) FROM (SELECT month, max(0, {LocalDay("AnsweredAt")} - {DateDay("ClockStart")}) AS days " +
        "FROM sel WHERE AnsweredAt IS NOT NULL) GROUP BY month, days";

    /// <summary>Open complaints by status and age bucket (days since receipt, as of <c>$todayDay</c>).</summary>
    public static string Open()
    {
        var cases = string.Concat(AgeBucket.All.Where(b => b.MaxDays is not null).Select(b => $"WHEN age <= {b.MaxDays} THEN '{b.Key}' "));
        return $"SELECT Status, CASE {cases}ELSE '{AgeBucket.All[^1].Key}' END, COUNT(*) FROM " +
               $"(SELECT Status, $todayDay - {LocalDay("ReceivedAt")} AS age FROM sel WHERE Status <> 'Closed') GROUP BY 1, 2";
    }

    public const int TopCount = 20;

    public static string Top(string column) =>
        $"SELECT {column}, COUNT(*) FROM sel GROUP BY {column} ORDER BY 2 DESC, 1 LIMIT {TopCount + 1}";

    /// <summary>Mentions of each person involved (the most frequent first; bounded).</summary>
    public const string Persons =
        "SELECT j.value, COUNT(*) FROM sel, json_each(sel.PersonsInvolved) j GROUP BY j.value ORDER BY 2 DESC, 1 LIMIT 1000";

    public const string Actions =
        "SELECT a.Status, a.Status = 'Open' AND a.DueDate IS NOT NULL AND a.DueDate < $today, COUNT(*) " +
        "FROM sel JOIN CorrectiveActions a ON a.ComplaintId = sel.Id GROUP BY 1, 2";
}
