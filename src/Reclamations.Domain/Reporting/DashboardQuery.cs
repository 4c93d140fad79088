using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Reporting;

/// <summary>The dashboard's figures, aggregated by SQLite (<see cref="DashboardSql"/>: a handful of GROUP BY statements over the
/// period's complaints, found through the <c>ReceivedAt</c> indexes of migration <c>Reporting_Indexes</c>); nothing but counts
/// leaves the database. Simulated instances are never counted: simulations run in their own sandbox database, so the register
/// holds none. Litigation is counted from its start date (shown to every reader of the register), never from its restricted
/// details.</summary>
public sealed class DashboardQuery(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider timeProvider, RegisterOptions options)
{
    private readonly TimeZoneInfo _zone = ZonedTime.FindZone(options.TimeZoneId, nameof(options));

    /// <summary>Tests: always scan the period's complaints (the figures the counts must equal).</summary>
    internal bool ScanOnly { get; init; }

    /// <summary>Today in the firm's zone.</summary>
    public DateOnly Today => ZonedTime.LocalDate(timeProvider.GetUtcNow(), _zone);

    /// <exception cref="RegisterValidationException">The period is invalid, or the profile / category is unknown.</exception>
    public async Task<DashboardFigures> RunAsync(DashboardFilter filter, DashboardNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(names);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ValidateAsync(db, filter, cancellationToken);
        var today = Today;
        var months = filter.Months();
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Label)
            .Select(c => new { c.Code, c.Label }).ToListAsync(cancellationToken);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var counted = !ScanOnly && UsesCounts(filter, today);
        if (counted) await EnsureCountsAsync(db, cancellationToken);
        var sql = counted ? Statements.Counts(filter.Profile, filter.Category) : Statements.Scan;
        var prefix = counted ? DashboardCounts.Prefix(months) : DashboardSql.Prefix(filter, _zone, today);
        var run = new Runner(connection, prefix, filter, today);

        var monthly = new MonthlyTotals(months.Count);
        await run.EachAsync(sql.Monthly, r => monthly.Add(r), cancellationToken);

        var histograms = Enumerable.Range(0, months.Count).Select(_ => new SortedDictionary<int, int>()).ToList();
        await run.EachAsync(sql.Handling, r => histograms[r.GetInt32(0)][r.GetInt32(1)] = r.GetInt32(2), cancellationToken);
        var overall = new SortedDictionary<int, int>();
        foreach (var (days, count) in histograms.SelectMany(h => h)) overall[days] = overall.GetValueOrDefault(days) + count;

        var openStatus = new Dictionary<string, int>();
        var openAge = new Dictionary<string, int>();
        await run.EachAsync(sql.Open, r =>
        {
            openStatus[r.GetString(0)] = openStatus.GetValueOrDefault(r.GetString(0)) + r.GetInt32(2);
            openAge[r.GetString(1)] = openAge.GetValueOrDefault(r.GetString(1)) + r.GetInt32(2);
        }, cancellationToken);

        var products = await run.TopAsync(sql.Top("ProductOrService"), monthly.Received, cancellationToken);
        var insurers = await run.TopAsync(sql.Top("Insurer"), monthly.Received, cancellationToken);
        var persons = new List<(string Person, int Count)>();
        await run.EachAsync(sql.Persons, r => persons.Add((r.GetString(0), r.GetInt32(1))), cancellationToken);
        var actions = new Dictionary<string, int>();
        await run.EachAsync(sql.Actions, r =>
        {
            var key = r.GetString(0) == nameof(CorrectiveActionStatus.Open) && r.GetBoolean(1) ? "overdue" : r.GetString(0).ToLowerInvariant();
            actions[key] = actions.GetValueOrDefault(key) + r.GetInt32(2);
        }, cancellationToken);

        return new DashboardFigures
        {
            Filter = filter,
            Today = today,
            Months = months,
            Received = monthly.Received,
            Reopened = monthly.Reopened,
            ReceivedByCategory = monthly.ByCategory
                .OrderBy(s => categories.FindIndex(c => c.Code == s.Key) is var i and >= 0 ? i : int.MaxValue).ThenBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new MonthlySeries(s.Key, categories.Find(c => c.Code == s.Key)?.Label ?? s.Key, s.Value)).ToList(),
            ReceivedByChannel = Enum.GetValues<ComplaintChannel>().Where(c => monthly.ByChannel.ContainsKey(c.ToString()))
                .Select(c => new MonthlySeries(c.ToString(), names.Channel(c), monthly.ByChannel[c.ToString()])).ToList(),
            OpenByStatus = Enum.GetValues<ComplaintStatus>().Where(s => s != ComplaintStatus.Closed)
                .Select(s => new Count(s.ToString(), names.Status(s), openStatus.GetValueOrDefault(s.ToString()))).ToList(),
            OpenByAge = AgeBucket.All.Select(b => new Count(b.Key, b.Label, openAge.GetValueOrDefault(b.Key))).ToList(),
            Deadlines = monthly.Deadlines(),
            Handling = Percentiles.Of(overall),
            HandlingByMonth = histograms.Select(Percentiles.Of).ToList(),
            Outcomes = monthly.Outcomes(),
            ByProduct = products,
            ByInsurer = insurers,
            ByPerson = PersonCounts(persons, names.Users),
            CorrectiveActions = new[] { ("open", "Ouvertes"), ("overdue", "En retard"), ("done", "Réalisées"), ("cancelled", "Annulées") }
                .Select(a => new Count(a.Item1, a.Item2, actions.GetValueOrDefault(a.Item1))).ToList(),
            Referrals = monthly.Referrals(),
        };
    }

    /// <summary>Whether the maintained counts give this filter's figures: whole months (the last one may end today: nothing is
    /// received after today), no product filter (that scans the period's complaints of that product).</summary>
    private static bool UsesCounts(DashboardFilter filter, DateOnly today) =>
        filter is { Product: null } && filter.From.Day == 1 &&
        (filter.To >= today || filter.To.AddDays(1).Day == 1);

    /// <summary>Builds the counts if they were never built, or were counted in another zone than the firm's.</summary>
    private async Task EnsureCountsAsync(DomainDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (await StateAsync(connection, null, ct) == options.TimeZoneId) return;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tx = transaction.GetDbTransaction();
        if (await StateAsync(connection, tx, ct) == options.TimeZoneId) return; // built meanwhile
        var counts = DashboardCounts.For(options.TimeZoneId);
        counts.Register(connection);
        var statements = DashboardCounts.Tables.Select(t => $"DELETE FROM {t}")
            .Concat(counts.ForAll())
            .Append("INSERT OR REPLACE INTO DashboardCountsState (Id, TimeZoneId) VALUES (1, $zone)");
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            AddParameter(command, "$sign", 1);
            AddParameter(command, "$zone", options.TimeZoneId);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>Builds the counts now if they need it (at start-up, so that the first dashboard does not).</summary>
    public async Task PrepareCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await EnsureCountsAsync(db, cancellationToken);
    }

    private static async Task<string?> StateAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DashboardCounts.ReadState;
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        if (!command.CommandText.Contains(name, StringComparison.Ordinal)) return;
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The statements of one run: over the period's complaints (<see cref="DashboardSql"/>) or over the counts.</summary>
    private sealed record Statements(string Monthly, string Handling, string Open, Func<string, string> Top, string Persons, string Actions)
    {
        public static readonly Statements Scan =
            new(DashboardSql.Monthly, DashboardSql.Handling, DashboardSql.Open(), DashboardSql.Top, DashboardSql.Persons, DashboardSql.Actions);

        public static Statements Counts(string? profile, string? category) =>
            new(DashboardCounts.Monthly(profile, category), DashboardCounts.Handling(profile, category), DashboardCounts.Open(profile, category),
                column => DashboardCounts.Top(column, profile, category), DashboardCounts.Persons(profile, category),
                DashboardCounts.Actions(profile, category));
    }

    private static async Task ValidateAsync(DomainDbContext db, DashboardFilter filter, CancellationToken ct)
    {
        var errors = filter.Errors().ToList();
        if (filter.Profile is { } profile && !await db.DeadlineProfiles.AnyAsync(p => p.Code == profile, ct))
            errors.Add(new FieldError("profile", $"Profil de délais inconnu : « {profile} »."));
        if (filter.Category is { } category && !await db.Categories.AnyAsync(c => c.Code == category, ct))
            errors.Add(new FieldError("category", $"Catégorie inconnue : « {category} »."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);
    }

    /// <summary>Users by display name (the most frequent first, at most <see cref="DashboardSql.TopCount"/>); every other mention
    /// (free text, users beyond the top) summed under <see cref="DashboardFigures.OtherPersons"/>.</summary>
    private static List<Count> PersonCounts(List<(string Person, int Count)> persons, IReadOnlyDictionary<string, string> users)
    {
        var known = persons.Where(p => users.ContainsKey(p.Person)).ToList();
        var shown = known.Take(DashboardSql.TopCount).Select(p => new Count(p.Person, users[p.Person], p.Count)).ToList();
        var others = persons.Sum(p => p.Count) - shown.Sum(p => p.Value);
        if (others > 0) shown.Add(new Count(null, DashboardFigures.OtherPersons, others));
        return shown;
    }

    /// <summary>Runs the statements of one dashboard on one open connection, with the filter's parameters.</summary>
    private sealed class Runner(DbConnection connection, string prefix, DashboardFilter filter, DateOnly today)
    {
        public async Task EachAsync(string sql, Action<DbDataReader> row, CancellationToken ct)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = prefix + sql;
            Add(command, "$profile", filter.Profile);
            Add(command, "$category", filter.Category);
            Add(command, "$product", filter.Product);
            Add(command, "$today", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            Add(command, "$todayDay", today.DayNumber);
            Add(command, "$fromDay", new DateOnly(filter.From.Year, filter.From.Month, 1).DayNumber);
            Add(command, "$toDay", new DateOnly(filter.To.Year, filter.To.Month, 1).AddMonths(1).AddDays(-1).DayNumber);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) row(reader);
        }

        /// <summary>The <see cref="DashboardSql.TopCount"/> most frequent values of a column (null: not given), the rest as "others".</summary>
        public async Task<IReadOnlyList<Count>> TopAsync(string sql, int total, CancellationToken ct)
        {
            var top = new List<Count>();
            await EachAsync(sql, r =>
            {
                var key = r.IsDBNull(0) ? null : r.GetString(0);
                top.Add(new Count(key, key ?? "Non renseigné", r.GetInt32(1)));
            }, ct);
            if (top.Count <= DashboardSql.TopCount) return top;
            top.RemoveAt(top.Count - 1);
            top.Add(new Count(null, "Autres", total - top.Sum(t => t.Value)));
            return top;
        }

        private static void Add(DbCommand command, string name, object? value)
        {
            if (!command.CommandText.Contains(name, StringComparison.Ordinal)) return;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}
