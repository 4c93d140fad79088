using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Persistence;

public sealed class DomainDbOnTests
{
    private static async Task<SqliteConnection> OpenWithProbeTableAsync(DomainDatabase database)
    {
        var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS EngineProbe (Step TEXT NOT NULL);";
        await create.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task RawInsertAsync(SqliteConnection connection, SqliteTransaction transaction, string step)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO EngineProbe (Step) VALUES ($step);";
        insert.Parameters.AddWithValue("$step", step);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<long> ProbeCountAsync(DomainDatabase database)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM EngineProbe;";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_domain_change_on_the_engine_transaction_rolls_back_with_it()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await using var connection = await OpenWithProbeTableAsync(database);

        await using (var transaction = connection.BeginTransaction())
        {
            await RawInsertAsync(connection, transaction, "step-1");
            await using (var db = DomainDb.On(connection, transaction, DomainDatabase.AuditChain))
            {
                await register.UpdateAsync(db, complaint.Id, "moteur", "Accusé de réception envoyé", c => c.Status = ComplaintStatus.InProgress);
            }

            transaction.Rollback();
        }

        (await ProbeCountAsync(database)).Should().Be(0);
        var file = await register.GetAsync(complaint.Id);
        file.Complaint.Status.Should().Be(ComplaintStatus.Registered);
        file.Audit.Should().ContainSingle();
        connection.State.Should().Be(System.Data.ConnectionState.Open);
    }

    [Fact]
    public async Task A_domain_change_on_the_engine_transaction_commits_with_it()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await using var connection = await OpenWithProbeTableAsync(database);

        await using (var transaction = connection.BeginTransaction())
        {
            await RawInsertAsync(connection, transaction, "step-1");
            await using (var db = DomainDb.On(connection, transaction, DomainDatabase.AuditChain))
            {
                db.Categories.Add(new Category { Code = "press", Label = "Presse", SortOrder = 80 });
                await db.SaveChangesAsync();
                await register.UpdateAsync(db, complaint.Id, "moteur", "Accusé de réception envoyé", c => c.Status = ComplaintStatus.InProgress);
            }

            transaction.Commit();
        }

        (await ProbeCountAsync(database)).Should().Be(1);
        (await register.GetAsync(complaint.Id)).Complaint.Status.Should().Be(ComplaintStatus.InProgress);
        await using var check = database.Open();
        (await check.Categories.AnyAsync(c => c.Code == "press")).Should().BeTrue();
    }

    [Fact]
    public void A_transaction_of_another_connection_is_refused()
    {
        using var first = new SqliteConnection("Data Source=:memory:");
        using var second = new SqliteConnection("Data Source=:memory:");
        first.Open();
        second.Open();
        using var transaction = second.BeginTransaction();

        FluentActions.Invoking(() => DomainDb.On(first, transaction)).Should().Throw<ArgumentException>();
    }
}
