using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Reporting;

/// <summary>The dashboard's maintained counts (<see cref="DashboardCounts"/>): after each kind of register change they equal a
/// recount, and the dashboard's figures from them equal those of a scan of the period's complaints.</summary>
public sealed class DashboardCountsTests
{
    private static readonly DashboardFilter Year2026 = new() { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31) };

    [Fact]
    public async Task Every_register_change_keeps_the_counts_equal_to_a_recount_and_the_figures_equal_to_a_scan()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var query = new DashboardQuery(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = "Europe/Paris" });
        await query.PrepareCountsAsync(); // empty register: the counts are built (and from now on maintained)
        (await CountsAsync(database)).Should().BeEmpty();

        // Registration, the local month of receipt at a month's edge (1 March 00:30 in Paris is 28 February in UTC).
        var first = await register.RegisterAsync(Complaints.Valid(DashboardRegister.At(2026, 3, 1, 0, 30)), "sophie");
        var second = await register.RegisterAsync(Complaints.Valid(DashboardRegister.At(2026, 2, 10), "LU-CAA", "product"), "sophie");
        await ShouldEqualRecountAsync(database, query, "after registration", expectedRows: true);

        await using (var db = await register.OpenAsync())
            await register.ReviseDatesAsync(db, first.Id, new DateCorrection(DashboardRegister.At(2026, 2, 27), null, null, "Date du cachet"), "sophie");
        await ShouldEqualRecountAsync(database, query, "after a date correction");

        await register.UpdateAsync(first.Id, "sophie", "Accusé de réception", c => c.AcknowledgedAt = database.Clock.GetUtcNow());
        await register.UpdateAsync(first.Id, "sophie", "Réponse", c =>
        {
            c.AnsweredAt = database.Clock.GetUtcNow();
            c.Outcome = "partlyFounded";
            c.Status = ComplaintStatus.Answered;
        });
        await ShouldEqualRecountAsync(database, query, "after the acknowledgement and the answer");

        await register.UpdateAsync(second.Id, "sophie", "Personnes", c => c.PersonsInvolved = ["Paul Durand", "Anne Petit"]);
        await ShouldEqualRecountAsync(database, query, "after an edit of the persons involved alone");
        await register.UpdateAsync(second.Id, "sophie", "Manquement", c =>
        {
            c.DeadlineBreaches = ["acknowledgement"];
            c.ProductOrService = null;
            c.Insurer = "Autre assureur";
            c.Category = "distribution";
        });
        await ShouldEqualRecountAsync(database, query, "after a breach and edits of counted fields");

        await register.UpdateAsync(first.Id, "sophie", "Clôture", c => { c.Status = ComplaintStatus.Closed; c.ClosedAt = database.Clock.GetUtcNow(); });
        await ShouldEqualRecountAsync(database, query, "after closing");

        database.Clock.Advance(TimeSpan.FromDays(3));
        await using (var db = await register.OpenAsync())
            await register.ReopenAsync(db, first.Id, "Le client conteste", "sophie");
        await ShouldEqualRecountAsync(database, query, "after reopening");

        await register.AddReferralAsync(second.Id, new NewReferral(ReferralBody.Mediator, new DateOnly(2026, 3, 6), "MED-1", null, null), "sophie");
        await ShouldEqualRecountAsync(database, query, "after a referral");

        var action = await register.AddCorrectiveActionAsync(first.Id, "sophie", "Former l'équipe", dueDate: new DateOnly(2026, 3, 7));
        await register.AddCorrectiveActionAsync(second.Id, "sophie", "Revoir la procédure");
        await ShouldEqualRecountAsync(database, query, "after corrective actions");
        await register.SetCorrectiveActionStatusAsync(action.Id, CorrectiveActionStatus.Done, "sophie");
        await ShouldEqualRecountAsync(database, query, "after an action was done");

        await register.UpdateAsync(second.Id, "sophie", "Texte", c => c.Description = "Sans effet sur les chiffres");
        await ShouldEqualRecountAsync(database, query, "after an edit of no counted field");

        var figures = await query.RunAsync(Year2026, DashboardNames.Plain);
        figures.Received.Should().Be(2);
        figures.ReceivedByCategory.Single(s => s.Key == "adviceQuality").Values[1].Should().Be(1, "corrected to 27 February");
        figures.CorrectiveActions.Single(c => c.Key == "done").Value.Should().Be(1);
        figures.Referrals.Single(r => r.Key == "Mediator").Referred.Should().Be(1);
    }

    [Fact]
    public async Task A_register_written_before_the_counts_existed_is_counted_when_they_are_built_and_a_change_of_zone_rebuilds_them()
    {
        await using var database = await DomainDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            var late = DashboardRegister.Row(DashboardRegister.At(2026, 1, 31, 23, 30)); // 31 January in Paris, 22:30 UTC
            late.AnsweredAt = DashboardRegister.At(2026, 2, 20);
            await DashboardRegister.AddAsync(db, late, DashboardRegister.Row(DashboardRegister.At(2026, 6, 1), "LU-CAA"));
        }

        (await CountsAsync(database)).Should().BeEmpty("no counts before they are built: saves leave them alone");
        var paris = new DashboardQuery(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = "Europe/Paris" });
        var figures = await paris.RunAsync(Year2026, DashboardNames.Plain);
        figures.Received.Should().Be(2);
        figures.ReceivedByCategory.Single().Values[0].Should().Be(1, "31 January 23:30 in Paris is January");
        (await JsonAsync(paris, Year2026)).Should().Be(await JsonAsync(Scan(database, "Europe/Paris"), Year2026));

        var utc = new DashboardQuery(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = "UTC" });
        (await utc.RunAsync(Year2026, DashboardNames.Plain)).ReceivedByCategory.Single().Values[0].Should().Be(1, "22:30 UTC is January too");
        (await JsonAsync(utc, Year2026)).Should().Be(await JsonAsync(Scan(database, "UTC"), Year2026));
    }

    [Fact]
    public async Task A_save_that_fails_in_the_callers_transaction_leaves_the_counts_as_they_were()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var query = new DashboardQuery(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = "Europe/Paris" });
        await query.PrepareCountsAsync();
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        var before = await CountsAsync(database);

        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await db.Complaints.SingleAsync(c => c.Id == complaint.Id)).Status = ComplaintStatus.Closed;
            database.Factory.FailNextSave = true;
            await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>();
            await transaction.CommitAsync(); // the caller goes on with the rest of its transaction
        }

        (await CountsAsync(database)).Should().Equal(before);
        await ShouldEqualRecountAsync(database, query, "after a failed save");
    }

    private static async Task ShouldEqualRecountAsync(DomainDatabase database, DashboardQuery query, string because, bool expectedRows = false)
    {
        var maintained = await CountsAsync(database);
        if (expectedRows) maintained.Should().NotBeEmpty();
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM DashboardCountsState";
            await command.ExecuteNonQueryAsync();
        }

        await query.PrepareCountsAsync(); // a recount from the register
        (await CountsAsync(database)).Should().Equal(maintained, because);
        foreach (var filter in new[]
                 {
                     Year2026, Year2026 with { Profile = "FR-ACPR" }, Year2026 with { Profile = "LU-CAA" }, Year2026 with { Category = "adviceQuality" },
                     Year2026 with { Category = "distribution", Profile = "LU-CAA" },
                 })
            (await JsonAsync(query, filter)).Should().Be(await JsonAsync(Scan(database, "Europe/Paris"), filter), because);
    }

    private static DashboardQuery Scan(DomainDatabase database, string zone) =>
        new(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = zone }) { ScanOnly = true };

    private static async Task<string> JsonAsync(DashboardQuery query, DashboardFilter filter) =>
        JsonSerializer.Serialize(await query.RunAsync(filter, DashboardNames.Plain));

    /// <summary>Every non-zero row of the count tables, as text.</summary>
    private static async Task<List<string>> CountsAsync(DomainDatabase database)
    {
        var rows = new List<string>();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in DashboardCounts.Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} WHERE N0 <> 0 ORDER BY 1, 2, 3";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(table + ": " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString())));
        }

        return rows;
    }
}
