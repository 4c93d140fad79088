using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ReopeningTests
{
    [Fact]
    public async Task A_closed_complaint_reopened_gets_its_deadlines_again_from_the_reopening_date_and_is_flagged()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await register.UpdateAsync(complaint.Id, "resp", "Clôture", c => { c.Status = ComplaintStatus.Closed; c.ClosedAt = database.Clock.GetUtcNow(); });
        database.Clock.Advance(TimeSpan.FromDays(30)); // 4 April 2026

        await using (var db = await register.OpenAsync())
        {
            var (reopened, _) = await register.ReopenAsync(db, complaint.Id, "Le client conteste la clôture", "resp");
            reopened.Status.Should().Be(ComplaintStatus.InProgress);
        }

        var stored = (await register.GetAsync(complaint.Id)).Complaint;
        stored.ClosedAt.Should().BeNull();
        stored.ReopenCount.Should().Be(1);
        stored.ReopenedOn.Should().Equal(new DateOnly(2026, 4, 4));
        stored.ClockStart.Should().Be(new DateOnly(2026, 4, 4));
        stored.ResponseDueDate.Should().Be(new DateOnly(2026, 6, 4), "FR-ACPR: two months from the reopening");
        var audit = (await register.GetAsync(complaint.Id)).Audit[^1];
        audit.Action.Should().Contain("Réouverture").And.Contain("Le client conteste la clôture");
        audit.User.Should().Be("resp");
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_a_closed_complaint()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await using var db = await register.OpenAsync();

        var noReason = await register.Invoking(r => r.ReopenAsync(db, complaint.Id, " ", "resp")).Should().ThrowAsync<RegisterValidationException>();
        noReason.Which.Errors.Should().ContainSingle(e => e.Field == "reason");
        var notClosed = await register.Invoking(r => r.ReopenAsync(db, complaint.Id, "Motif", "resp")).Should().ThrowAsync<RegisterValidationException>();
        notClosed.Which.Errors.Should().ContainSingle(e => e.Field == "status");

        var stored = (await register.GetAsync(complaint.Id)).Complaint;
        stored.ReopenCount.Should().Be(0);
        stored.Revision.Should().Be(complaint.Revision);
    }
}
