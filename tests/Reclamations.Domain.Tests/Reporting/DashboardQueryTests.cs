using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;
using Reclamations.Domain.Tests.Support;
using static Reclamations.Domain.Tests.Reporting.DashboardRegister;

namespace Reclamations.Domain.Tests.Reporting;

public sealed class DashboardQueryTests
{
    private static readonly DateTimeOffset Now = At(2027, 1, 10);
    private static readonly DashboardFilter Year2026 = new() { From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31) };

    [Fact]
    public async Task The_year_of_a_complaint_is_the_local_year_it_was_received_in_and_the_profile_filter_keeps_FR_or_LU()
    {
        await using var database = await DomainDatabase.CreateAsync(Now);
        await using (var db = database.Open())
        {
            await AddAsync(db,
                Row(At(2025, 12, 31, 23, 30)), // 22:30 UTC on 31 December: 2025, left out
                Row(At(2026, 1, 1, 0, 30)), // 23:30 UTC on 31 December 2025, but 1 January in Paris: January 2026
                Row(At(2026, 12, 31, 23, 30), channel: ComplaintChannel.Email), // December 2026
                Row(At(2027, 1, 1, 0, 10)), // 2027, left out
                Row(At(2026, 6, 15), profile: "LU-CAA", category: "product", channel: ComplaintChannel.Telephone),
                Row(At(2026, 6, 16), profile: "LU-CAA", category: "product", channel: ComplaintChannel.Email));
        }

        var query = Query(database);
        var all = await query.RunAsync(Year2026, DashboardNames.Plain);
        all.Received.Should().Be(4);
        all.Months.Should().HaveCount(12);
        Series(all.ReceivedByCategory, "adviceQuality").Should().Equal(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        Series(all.ReceivedByCategory, "product").Should().Equal(0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0);
        all.ReceivedByCategory.Select(s => s.Label).Should().Equal("Produit / contrat", "Qualité du conseil");
        Series(all.ReceivedByChannel, "Email").Should().Equal(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1);
        all.ByProduct.Should().ContainSingle().Which.Should().Be(new Count("Assurance vie", "Assurance vie", 4));

        var luxembourg = await query.RunAsync(Year2026 with { Profile = "LU-CAA" }, DashboardNames.Plain);
        luxembourg.Received.Should().Be(2);
        luxembourg.ReceivedByChannel.Select(s => s.Key).Should().Equal("Email", "Telephone");
        (await query.RunAsync(Year2026 with { Profile = "FR-ACPR", Category = "product" }, DashboardNames.Plain)).Received.Should().Be(0);
        (await query.RunAsync(Year2026 with { Product = "Assurance vie", To = new DateOnly(2026, 6, 15) }, DashboardNames.Plain))
            .Received.Should().Be(2, "the period ends on 15 June, included");
    }

    [Fact]
    public async Task Deadlines_outcomes_reopened_referrals_and_litigation_are_counted_once_per_complaint()
    {
        await using var database = await DomainDatabase.CreateAsync(Now);
        var acked = At(2026, 3, 3);
        var answered = At(2026, 3, 20);
        Complaint Handled(string outcome, params string[] breaches)
        {
            var c = Row(At(2026, 3, 2));
            c.AcknowledgedAt = acked;
            c.AnsweredAt = answered;
            c.Outcome = outcome;
            c.DeadlineBreaches = [.. breaches];
            return c;
        }

        var lateAck = Handled("founded", "acknowledgement");
        var lateAnswer = Handled("unfounded", "response");
        var reopened = Handled("partlyFounded");
        reopened.ReopenCount = 2;
        reopened.ReopenedOn = [new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)];
        var litigation = Handled("founded", "responseDuringLitigation");
        litigation.LitigationStartedAt = At(2026, 4, 1);
        var secondLevelMet = Handled("unfounded");
        secondLevelMet.SecondLevelDueDate = new DateOnly(2026, 5, 1);
        secondLevelMet.SecondLevelDecision = "maintained";
        var secondLevelMissed = Handled("unfounded", "secondLevel");
        secondLevelMissed.SecondLevelDueDate = new DateOnly(2026, 5, 1);
        secondLevelMissed.ReceivedThrough = ReferralBody.Caa;
        var pending = Row(At(2026, 3, 9));
        pending.Status = ComplaintStatus.InProgress;
        var notComplaint = Handled("notComplaint");
        await using (var db = database.Open())
        {
            await AddAsync(db, lateAck, lateAnswer, reopened, litigation, secondLevelMet, secondLevelMissed, pending, notComplaint);
            db.Referrals.AddRange(
                new Referral { Id = Guid.NewGuid(), ComplaintId = lateAnswer.Id, Body = ReferralBody.Mediator, ReferredOn = new DateOnly(2026, 6, 1), RecordedBy = "t" },
                // Referred twice to the mediator: still one complaint referred.
                new Referral { Id = Guid.NewGuid(), ComplaintId = lateAnswer.Id, Body = ReferralBody.Mediator, ReferredOn = new DateOnly(2026, 7, 1), RecordedBy = "t" },
                new Referral { Id = Guid.NewGuid(), ComplaintId = secondLevelMissed.Id, Body = ReferralBody.Caa, ReferredOn = new DateOnly(2026, 6, 1), RecordedBy = "t" });
            await db.SaveChangesAsync();
        }

        var figures = await Query(database).RunAsync(Year2026, DashboardNames.Plain);

        figures.Received.Should().Be(8, "a reopened complaint counts once");
        figures.Reopened.Should().Be(1);
        var march = 2;
        Deadline(figures, "acknowledgement").Met[march].Should().Be(6);
        Deadline(figures, "acknowledgement").Missed[march].Should().Be(1);
        Deadline(figures, "response").Met[march].Should().Be(5);
        Deadline(figures, "response").Missed[march].Should().Be(2, "a breach during litigation is a missed answer too");
        Deadline(figures, "secondLevel").Met[march].Should().Be(1);
        Deadline(figures, "secondLevel").Missed[march].Should().Be(1);
        Deadline(figures, "response").Missed.Sum().Should().Be(2);
        figures.Outcomes.ToDictionary(o => o.Key!, o => o.Value).Should().Equal(new Dictionary<string, int>
        {
            ["founded"] = 1, ["partlyFounded"] = 1, ["unfounded"] = 3, ["litigation"] = 1, ["notComplaint"] = 1, ["pending"] = 1,
        });
        figures.Referrals.Should().Equal(
            new ReferralCount("Mediator", "Médiateur de l'assurance", 1, 0),
            new ReferralCount("Caa", "Commissariat aux Assurances (CAA)", 1, 1));
    }

    [Fact]
    public async Task Handling_time_runs_from_the_clock_start_to_the_local_day_the_answer_was_sent_median_and_p90_by_nearest_rank()
    {
        await using var database = await DomainDatabase.CreateAsync(Now);
        var rows = new List<Complaint>();
        // Ten answered complaints received on 2 March: 1 to 10 days (the 10th answered at 23:30 in Paris, 21:30 UTC: still that day).
        for (var days = 1; days <= 10; days++)
        {
            var c = Row(At(2026, 3, 2));
            c.AnsweredAt = days == 10 ? At(2026, 3, 12, 23, 30) : At(2026, 3, 2 + days);
            rows.Add(c);
        }

        // In April, the clock started at the written confirmation, 3 days after receipt: 20 days to the answer.
        var confirmed = Row(At(2026, 4, 1));
        confirmed.ClockStart = new DateOnly(2026, 4, 4);
        confirmed.AnsweredAt = At(2026, 4, 24, 0, 30);
        rows.Add(confirmed);
        rows.Add(Row(At(2026, 4, 2))); // not answered: not counted
        await using (var db = database.Open()) await AddAsync(db, [.. rows]);

        var figures = await Query(database).RunAsync(Year2026, DashboardNames.Plain);

        figures.HandlingByMonth[2].Should().Be(new HandlingTime(10, 5, 9));
        figures.HandlingByMonth[3].Should().Be(new HandlingTime(1, 20, 20));
        figures.HandlingByMonth[0].Should().Be(new HandlingTime(0, null, null));
        figures.Handling.Should().Be(new HandlingTime(11, 6, 10));
    }

    [Fact]
    public async Task Open_complaints_by_status_and_age_corrective_actions_and_persons_involved_by_display_name()
    {
        await using var database = await DomainDatabase.CreateAsync(Now);
        var recent = Row(At(2026, 12, 20)); // 21 days old on 10 January 2027
        recent.Status = ComplaintStatus.InProgress;
        recent.PersonsInvolved = ["paul.martin", "Jean Externe"];
        var old = Row(At(2026, 6, 1));
        old.Status = ComplaintStatus.SecondLevel;
        old.PersonsInvolved = ["paul.martin"];
        var closed = Row(At(2026, 12, 28));
        await using (var db = database.Open())
        {
            await AddAsync(db, recent, old, closed);
            db.CorrectiveActions.AddRange(
                new CorrectiveAction { Id = Guid.NewGuid(), ComplaintId = recent.Id, Status = CorrectiveActionStatus.Open, DueDate = new DateOnly(2027, 1, 20) },
                new CorrectiveAction { Id = Guid.NewGuid(), ComplaintId = recent.Id, Status = CorrectiveActionStatus.Open, DueDate = new DateOnly(2027, 1, 9) },
                new CorrectiveAction { Id = Guid.NewGuid(), ComplaintId = old.Id, Status = CorrectiveActionStatus.Open },
                new CorrectiveAction { Id = Guid.NewGuid(), ComplaintId = closed.Id, Status = CorrectiveActionStatus.Done, DueDate = new DateOnly(2026, 12, 1) });
            await db.SaveChangesAsync();
        }

        var names = DashboardNames.Plain with { Users = new Dictionary<string, string> { ["paul.martin"] = "Paul Martin" } };
        var figures = await Query(database).RunAsync(Year2026, names);

        figures.OpenByStatus.Where(s => s.Value > 0).Select(s => (s.Key, s.Value)).Should().Equal(("InProgress", 1), ("SecondLevel", 1));
        figures.OpenByAge.Select(a => a.Value).Should().Equal(0, 1, 0, 0, 1);
        figures.CorrectiveActions.Select(a => (a.Key, a.Value)).Should().Equal(("open", 2), ("overdue", 1), ("done", 1), ("cancelled", 0));
        figures.ByPerson.Should().Equal(new Count("paul.martin", "Paul Martin", 2), new Count(null, DashboardFigures.OtherPersons, 1));
    }

    [Fact]
    public async Task A_bad_filter_is_refused_naming_each_field()
    {
        await using var database = await DomainDatabase.CreateAsync(Now);
        var refused = await Query(database).Invoking(q => q.RunAsync(
                new DashboardFilter { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 4, 1), Profile = "XX", Category = "nope" },
                DashboardNames.Plain))
            .Should().ThrowAsync<RegisterValidationException>();
        refused.Which.Errors.Select(e => e.Field).Should().Equal("to", "profile", "category");
        var tooLong = new DashboardFilter { From = new DateOnly(2020, 1, 1), To = new DateOnly(2026, 1, 1) };
        tooLong.Errors().Should().ContainSingle().Which.Field.Should().Be("to");
    }

    private static DashboardQuery Query(DomainDatabase database) =>
        new(database.Factory, database.Clock, new RegisterOptions { TimeZoneId = "Europe/Paris" });

    private static IReadOnlyList<int> Series(IReadOnlyList<MonthlySeries> series, string key) => series.Single(s => s.Key == key).Values;

    private static DeadlineSeries Deadline(DashboardFigures figures, string key) => figures.Deadlines.Single(d => d.Key == key);
}
