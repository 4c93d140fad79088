using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Tests.Persistence;

/// <summary>The schema the migrations build on a real SQLite file: the storage forms EF Core cannot express
/// (migration CompactInstanceTables) and the model's indexes, and the rows of a database upgraded from the schema before.</summary>
public sealed class EngineSchemaTests : IDisposable
{
    private const string BeforeCompact = "20261125184740_FilteredIndexes";
    private static readonly string[] WithoutRowid = ["ProcessInstances", "Executions", "Variables", "Tasks"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reclamations-engine-tests", Guid.NewGuid().ToString("N"));

    public EngineSchemaTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); }
        catch (IOException) { }
    }

    private EngineDbContext Open()
    {
        var options = new DbContextOptionsBuilder<EngineDbContext>();
        options.UseEngineSqlite($"Data Source={Path.Combine(_folder, "engine.db")}");
        return new EngineDbContext(options.Options);
    }

    private async Task MigrateAsync(string? target = null)
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    private async Task<string> TableSqlAsync(string table)
    {
        await using var db = Open();
        return await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_schema WHERE type = 'table' AND name = {table}").SingleAsync();
    }

    private async Task<List<T>> QueryAsync<T>(FormattableString sql)
    {
        await using var db = Open();
        return await db.Database.SqlQuery<T>(sql).ToListAsync();
    }

    [Fact]
    public async Task Instance_tables_are_without_rowid_history_has_no_autoincrement_and_every_model_index_exists()
    {
        await MigrateAsync();

        foreach (var table in WithoutRowid) (await TableSqlAsync(table)).Should().EndWith("WITHOUT ROWID", table);
        (await QueryAsync<string>($"SELECT name AS \"Value\" FROM sqlite_schema WHERE sql LIKE '%AUTOINCREMENT%'")).Should()
            .BeEmpty("no commit updates sqlite_sequence any more");
        await using var db = Open();
        var modelIndexes = db.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Select(i => i.GetDatabaseName()).ToList();
        var databaseIndexes = await QueryAsync<string>(
            $"SELECT name AS \"Value\" FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' AND tbl_name NOT LIKE '\\_\\_EF%' ESCAPE '\\'");
        databaseIndexes.Should().BeEquivalentTo(modelIndexes);
    }

    [Fact]
    public async Task A_database_of_the_schema_before_keeps_its_rows_up_and_down()
    {
        await MigrateAsync(BeforeCompact);
        await using (var db = Open())
        {
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "ProcessInstances" VALUES ('11111111-1111-1111-1111-111111111111', 'p:1', 'p', 1, 'REC-1', 'Active', 10, NULL, NULL, NULL, 4);
                INSERT INTO "Executions" VALUES ('22222222-2222-2222-2222-222222222222', '11111111-1111-1111-1111-111111111111', NULL, 't', 0, 0, NULL, 10);
                INSERT INTO "Variables" VALUES ('33333333-3333-3333-3333-333333333333', '11111111-1111-1111-1111-111111111111', NULL, 'amount', 'long', '42');
                INSERT INTO "Tasks" VALUES ('44444444-4444-4444-4444-444444444444', '11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222',
                  'p:1', 'p', 'REC-1', 't', 'Accuser réception', NULL, '', 'Staff', 20, NULL, 50, NULL, 10);
                INSERT INTO "TaskCandidates" ("TaskId", "Kind", "Value", "DueOrder") VALUES ('44444444-4444-4444-4444-444444444444', 'group', 'Staff', 20);
                INSERT INTO "History" ("ProcessInstanceId", "Timestamp", "EventType") VALUES ('11111111-1111-1111-1111-111111111111', 10, 'ProcessStarted');
                """);
        }

        await MigrateAsync();
        await AssertRowsAsync();
        (await QueryAsync<string>($"SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check")).Should().BeEmpty();

        await MigrateAsync(BeforeCompact);
        (await TableSqlAsync("History")).Should().Contain("AUTOINCREMENT");
        (await TableSqlAsync("Tasks")).Should().NotContain("WITHOUT ROWID");
        await AssertRowsInSqlAsync();
    }

    /// <summary>The same rows read by SQL: below the latest migration the entity model has columns the tables lack.</summary>
    private async Task AssertRowsInSqlAsync()
    {
        (await QueryAsync<string>($"SELECT \"BusinessKey\" || ' ' || \"State\" || ' ' || \"Revision\" AS \"Value\" FROM \"ProcessInstances\""))
            .Should().Equal("REC-1 Active 4");
        (await QueryAsync<string>($"SELECT \"ActivityId\" AS \"Value\" FROM \"Executions\"")).Should().Equal("t");
        (await QueryAsync<string>($"SELECT \"Json\" AS \"Value\" FROM \"Variables\"")).Should().Equal("42");
        (await QueryAsync<string>($"SELECT \"Name\" AS \"Value\" FROM \"Tasks\"")).Should().Equal("Accuser réception");
        (await QueryAsync<string>($"SELECT \"Value\" AS \"Value\" FROM \"TaskCandidates\"")).Should().Equal("Staff");
        (await QueryAsync<string>($"SELECT \"EventType\" AS \"Value\" FROM \"History\"")).Should().Equal("ProcessStarted");
    }

    private async Task AssertRowsAsync()
    {
        await using var db = Open();
        var instance = await db.ProcessInstances.SingleAsync();
        (instance.BusinessKey, instance.State, instance.Revision).Should().Be(("REC-1", ProcessInstanceState.Active, 4L));
        (await db.Executions.SingleAsync()).ActivityId.Should().Be("t");
        (await db.Variables.SingleAsync()).Json.Should().Be("42");
        // Raw SQL: the columns added since (Tasks.Owner…) are absent from the schema before.
        (await QueryAsync<string>($"SELECT \"Name\" AS \"Value\" FROM \"Tasks\"")).Should().Equal("Accuser réception");
        (await db.Set<TaskCandidateEntity>().SingleAsync()).Value.Should().Be("Staff");
        (await db.Set<HistoryEventEntity>().SingleAsync()).EventType.Should().Be("ProcessStarted");
    }
}
