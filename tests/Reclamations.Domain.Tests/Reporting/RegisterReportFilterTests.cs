using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;
using static Reclamations.Domain.Tests.Reporting.DashboardRegister;

namespace Reclamations.Domain.Tests.Reporting;

/// <summary>The register's filters behind the dashboard's links select what the dashboard counted.</summary>
public sealed class RegisterReportFilterTests
{
    [Fact]
    public async Task Each_filter_of_a_dashboard_link_selects_the_complaints_it_counted()
    {
        await using var database = await DomainDatabase.CreateAsync(At(2027, 1, 10));
        var litigation = Row(At(2026, 3, 2), product: "Auto");
        litigation.LitigationStartedAt = At(2026, 4, 1);
        litigation.Outcome = "founded";
        litigation.DeadlineBreaches = ["responseDuringLitigation"];
        var founded = Row(At(2026, 3, 3), channel: ComplaintChannel.Email, insurer: "Assureur B");
        founded.Outcome = "founded";
        founded.PersonsInvolved = ["paul.martin"];
        var open = Row(At(2026, 12, 20));
        open.Status = ComplaintStatus.InProgress;
        open.ReceivedThrough = ReferralBody.Caa;
        await using (var db = database.Open())
        {
            await AddAsync(db, litigation, founded, open);
            db.CorrectiveActions.Add(new CorrectiveAction { Id = Guid.NewGuid(), ComplaintId = founded.Id, Status = CorrectiveActionStatus.Open, DueDate = new DateOnly(2027, 1, 5) });
            db.Referrals.Add(new Referral { Id = Guid.NewGuid(), ComplaintId = litigation.Id, Body = ReferralBody.Mediator, ReferredOn = new DateOnly(2026, 6, 1), RecordedBy = "t" });
            await db.SaveChangesAsync();
        }

        var register = new ComplaintRegister(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = "Europe/Paris" });
        async Task<IEnumerable<Guid>> Ids(ComplaintFilter filter) => (await register.PageAsync(new RegisterPageQuery { Filter = filter })).Items.Select(c => c.Id);

        (await Ids(new ComplaintFilter { Outcome = "litigation" })).Should().Equal(litigation.Id);
        (await Ids(new ComplaintFilter { Outcome = "founded" })).Should().Equal(founded.Id);
        (await Ids(new ComplaintFilter { Outcome = "pending" })).Should().Equal(open.Id);
        (await Ids(new ComplaintFilter { Breach = "response" })).Should().Equal(litigation.Id);
        (await Ids(new ComplaintFilter { Referral = ReferralBody.Mediator })).Should().Equal(litigation.Id);
        (await Ids(new ComplaintFilter { Referral = ReferralBody.Caa })).Should().Equal(open.Id);
        (await Ids(new ComplaintFilter { Action = "overdue" })).Should().Equal(founded.Id);
        (await Ids(new ComplaintFilter { Action = "open" })).Should().BeEmpty();
        (await Ids(new ComplaintFilter { Person = "paul.martin" })).Should().Equal(founded.Id);
        (await Ids(new ComplaintFilter { Open = true })).Should().Equal(open.Id);
        (await Ids(new ComplaintFilter { Product = "Auto" })).Should().Equal(litigation.Id);
        (await Ids(new ComplaintFilter { Channel = ComplaintChannel.Email, Insurer = "Assureur B" })).Should().Equal(founded.Id);
    }
}
