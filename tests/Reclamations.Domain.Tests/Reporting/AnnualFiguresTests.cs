using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.Annual;
using Reclamations.Domain.Reporting.RootCauses;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Reporting;

/// <summary>The annual figures against a register built here with known counts: year boundaries in the firm's time zone, FR
/// and LU profiles, breaches, a reopened complaint counted once, a mediator referral, a second level, litigation, a request
/// that is no complaint, corrective actions decided before and after the year's end; and the same figures when the register
/// moves on after the year.</summary>
public sealed class AnnualFiguresTests : IAsyncLifetime
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private DomainDatabase _db = null!;
    private ComplaintRegister _register = null!;
    private AnnualReporting _reporting = null!;
    private RootCauseCatalog _causes = null!;
    private readonly Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _db = await DomainDatabase.CreateAsync(new DateTimeOffset(2025, 1, 2, 9, 0, 0, Winter));
        _register = new ComplaintRegister(_db.Factory, _db.Clock);
        _reporting = new AnnualReporting(_db.Factory, new DeadlineProfileStore(_db.Factory, _db.Clock), _db.Clock, new RegisterOptions());
        _causes = new RootCauseCatalog(_db.Factory, _register, _db.Clock);
        await BuildRegisterAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private void At(DateTimeOffset instant)
    {
        if (instant > _db.Clock.GetUtcNow()) _db.Clock.SetUtcNow(instant);
    }

    private async Task<Guid> RegisterAsync(string name, DateTimeOffset receivedAt, string category, ComplaintChannel channel, string profile = "FR-ACPR",
        string? insurer = "Assureur Exemple SA")
    {
        At(receivedAt.AddMinutes(5));
        var complaint = await _register.RegisterAsync(Complaints.Valid(receivedAt, profile, category) with { Channel = channel, Insurer = insurer }, "test");
        _ids[name] = complaint.Id;
        return complaint.Id;
    }

    private Task Update(string name, Action<Complaint> change) => _register.UpdateAsync(_ids[name], "resp", "test", change);

    private static DateTimeOffset Day(int month, int day, int hour = 10) =>
        new(2025, month, day, hour, 0, 0, month is >= 4 and <= 10 ? Summer : Winter);

    private async Task BuildRegisterAsync()
    {
        await _causes.CreateAsync(new RootCauseInput("advice-gap", "Conseil insuffisant", null, "Procédure de conseil\nFiche produit", null, null), "resp");
        await RegisterAsync("A", Day(1, 6), "adviceQuality", ComplaintChannel.Courrier);
        await Update("A", c => { c.AcknowledgedAt = Day(1, 8); c.AnsweredAt = Day(1, 20); c.Outcome = "unfounded"; c.ClosedAt = Day(2, 1); c.Status = ComplaintStatus.Closed; });
        await _causes.AssignAsync(_ids["A"], ["advice-gap"], false, "resp");
        await RegisterAsync("B", Day(2, 3), "product", ComplaintChannel.Email);
        await Update("B", c =>
        {
            c.AcknowledgedAt = Day(2, 25); c.DeadlineBreaches = ["acknowledgement"]; c.AnsweredAt = Day(3, 10); c.Outcome = "founded";
            c.ClosedAt = Day(3, 20); c.Status = ComplaintStatus.Closed; c.ReopenCount = 1; c.ReopenedOn = [new DateOnly(2025, 5, 2)];
            c.Dysfunctions = "Fiche produit incomplète";
        });
        At(Day(3, 10, 12));
        var action = await _register.AddCorrectiveActionAsync(_ids["B"], "resp", "Compléter la fiche produit", dueDate: new DateOnly(2025, 5, 31));
        await RegisterAsync("L", Day(4, 1), "kycCompliance", ComplaintChannel.Email, "LU-CAA", insurer: "Lux Assurances");
        await Update("L", c => { c.AcknowledgedAt = Day(4, 3); c.AnsweredAt = Day(4, 20); c.Outcome = "founded"; });
        At(Day(6, 1));
        await _register.SetCorrectiveActionStatusAsync(action.Id, CorrectiveActionStatus.Done, "resp");
        await RegisterAsync("C", Day(6, 2), "product", ComplaintChannel.Telephone);
        await Update("C", c =>
        {
            c.AcknowledgedAt = Day(6, 5); c.LitigationStartedAt = Day(6, 20); c.Outcome = "legalThreat"; c.Status = ComplaintStatus.Litigation;
            c.DeadlineBreaches = ["responseDuringLitigation"]; c.LitigationCounsel = "Maître Secret";
        });
        await RegisterAsync("E", Day(9, 1), "regulation", ComplaintChannel.FormulaireWeb);
        await Update("E", c => { c.Outcome = "notComplaint"; c.ClosedAt = Day(9, 3); c.Status = ComplaintStatus.Closed; });
        await RegisterAsync("F", Day(10, 1), "adviceQuality", ComplaintChannel.Courrier);
        await Update("F", c =>
        {
            c.AcknowledgedAt = Day(10, 3); c.AnsweredAt = Day(10, 15); c.Outcome = "partlyFounded"; c.Level = ComplaintLevel.Second;
            c.SecondLevelDecision = "maintained"; c.ClosedAt = Day(12, 20); c.Status = ComplaintStatus.Closed;
        });
        await _causes.AssignAsync(_ids["F"], ["advice-gap"], true, "resp");
        // The last evening of the year in Paris (22:30 UTC): still 2025.
        await RegisterAsync("D", new DateTimeOffset(2025, 12, 31, 23, 30, 0, Winter), "distribution", ComplaintChannel.Email);
        await _register.AddReferralAsync(_ids["F"], new NewReferral(ReferralBody.Mediator, new DateOnly(2025, 12, 15), "MED-1", null, null), "resp");
        // Half past midnight in Paris on 1 January 2026 (23:30 UTC on the 31st): 2026.
        await RegisterAsync("N", new DateTimeOffset(2026, 1, 1, 0, 30, 0, Winter), "product", ComplaintChannel.Courrier);
        At(new DateTimeOffset(2026, 2, 1, 9, 0, 0, Winter));
        await _register.AddCorrectiveActionAsync(_ids["C"], "resp", "Former l'équipe aux devoirs de conseil");
    }

    [Fact]
    public async Task The_year_of_the_FR_profile_counts_what_the_register_holds()
    {
        var f = await _reporting.FiguresAsync(2025, "FR-ACPR");

        f.Received.Should().Be(6, "A, B, C, D, E, F: D arrived at 23:30 on 31 December in Paris, N at 00:30 on 1 January");
        f.NotComplaints.Should().Be(1);
        f.Reopened.Should().Be(1, "B was reopened once and counts once");
        f.SituationAt.Should().BeBefore(new DateTimeOffset(2026, 1, 1, 0, 0, 0, Winter)).And.BeAfter(new DateTimeOffset(2025, 12, 31, 23, 59, 0, Winter));
        f.Acknowledgement.Should().Be(new DeadlineFigures(3, 1, 1), "A, C, F in time; B late; D still running at the year's end");
        f.Answer.Should().Be(new DeadlineFigures(3, 1, 1), "A, B, F in time; C's breach during litigation; D running");
        f.SecondLevel.Should().Be(new DeadlineFigures(1, 0, 0));
        f.AnswerTimes.Should().Be(new AnswerTimes(3, 14, 35), "14, 14 and 35 days from the clock's start");
        f.SecondLevelCases.Should().Be(1);
        f.MediatorCases.Should().Be(1);
        f.CaaCases.Should().Be(0);
        f.LitigationCases.Should().Be(1);
        f.Outcomes.ToDictionary(o => o.Code, o => o.Count).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["founded"] = 1, ["partlyFounded"] = 1, ["unfounded"] = 1, ["litigation"] = 1, ["notComplaint"] = 1, ["pending"] = 1,
        });
        f.ByCaaType.Should().HaveCount(7);
        f.ByCaaType.Where(t => t.Count > 0).ToDictionary(t => t.Code, t => t.Count).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["adviceQuality"] = 2, ["product"] = 2, ["distribution"] = 1, ["regulation"] = 1,
        });
        f.ByChannel.Single(c => c.Code == "Email").Count.Should().Be(2);
        f.ByMonth.Single(m => m.Code == "12").Count.Should().Be(1);
        f.Breaches.Where(b => b.Count > 0).Select(b => b.Code).Should().BeEquivalentTo(new[] { "acknowledgement", "responseDuringLitigation" });
        f.ComplaintsWithDysfunction.Should().Be(1);
        f.SystemicComplaints.Should().Be(1);
        f.RootCauses.Should().ContainSingle().Which.Should().Be(new CauseFigure("advice-gap", "Conseil insuffisant", 2, 1, 0));
        f.CorrectiveActions.Should().ContainSingle("the action decided in February 2026 is after the year's end").Which.Status.Should().Be("Done");
    }

    [Fact]
    public async Task Jurisdictions_and_years_are_kept_apart()
    {
        (await _reporting.FiguresAsync(2025, "LU")).Received.Should().Be(1);
        (await _reporting.FiguresAsync(2025, "tous")).Received.Should().Be(7);
        var next = await _reporting.FiguresAsync(2026, "FR");
        next.Received.Should().Be(1);
        next.CorrectiveActions.Should().HaveCount(1, "the 2026 action on C, a complaint of the previous year");
        var act = () => _reporting.FiguresAsync(2025, "XX");
        (await act.Should().ThrowAsync<RegisterValidationException>()).Which.Errors.Single().Field.Should().Be("profile");
        var future = () => _reporting.FiguresAsync(2027, "FR");
        (await future.Should().ThrowAsync<RegisterValidationException>()).Which.Errors.Single().Field.Should().Be("year");
    }

    [Fact]
    public async Task The_same_year_gives_the_same_figures_after_the_register_moved_on()
    {
        var before = AnnualReporting.FiguresHash(await _reporting.FiguresAsync(2025, "FR-ACPR"));
        await Update("D", c => { c.AcknowledgedAt = new DateTimeOffset(2026, 1, 5, 10, 0, 0, Winter); c.AnsweredAt = new DateTimeOffset(2026, 1, 20, 10, 0, 0, Winter); c.Outcome = "founded"; });

        AnnualReporting.FiguresHash(await _reporting.FiguresAsync(2025, "FR-ACPR")).Should().Be(before);
        AnnualReporting.FiguresHash(await _reporting.FiguresAsync(2025, "LU-CAA")).Should().NotBe(before);
    }

    [Fact]
    public async Task The_insurer_rows_hold_only_that_insurers_complaints_and_no_personal_data()
    {
        var rows = await _reporting.InsurerRowsAsync(2025, " lux assurances ");

        rows.Should().ContainSingle().Which.Should().Match<InsurerComplaintRow>(r => r.Reference.StartsWith("REC-") && r.Contract == "AV-2024-118"
            && r.AnswerMet == true && r.Outcome == "Fondée");
        (await _reporting.InsurerRowsAsync(2025, "Assureur Exemple SA")).Should().HaveCount(6);
        (await _reporting.InsurersAsync(2025)).Should().BeEquivalentTo(new[] { new InsurerCount("Assureur Exemple SA", 6), new InsurerCount("Lux Assurances", 1) });
        System.Text.Json.JsonSerializer.Serialize(await _reporting.InsurerRowsAsync(2025, "Assureur Exemple SA"))
            .Should().NotContain("Claire Martin").And.NotContain("Maître Secret");
    }

    [Fact]
    public async Task Recurring_causes_compare_with_the_previous_period_and_group_complaints()
    {
        var analysis = new RootCauseAnalysis(_db.Factory, _causes, new RegisterOptions());

        var report = await analysis.AnalyseAsync(new DateOnly(2025, 7, 1), new DateOnly(2025, 12, 31));

        var cause = report.Causes.Should().ContainSingle().Subject;
        (cause.Count, cause.PreviousCount, cause.Trend, cause.SystemicCount).Should().Be((1, 1, 0, 1));
        cause.AffectedProcedures.Should().Contain("Fiche produit");
        report.Complaints.Should().Be(3, "E, F and D were received in the second half");
        report.ByPerson.Should().ContainSingle().Which.References.Should().HaveCount(3);
    }

    [Fact]
    public async Task Causes_given_to_a_complaint_are_checked_and_audited()
    {
        var unknown = () => _causes.AssignAsync(_ids["D"], ["nope"], false, "resp");
        (await unknown.Should().ThrowAsync<RegisterValidationException>()).Which.Errors.Single().Message.Should().Contain("nope");
        await _causes.UpdateAsync("advice-gap", new RootCauseInput(null, null, null, null, null, false), "resp");
        var inactive = () => _causes.AssignAsync(_ids["D"], ["advice-gap"], false, "resp");
        await inactive.Should().ThrowAsync<RegisterValidationException>();
        await _causes.AssignAsync(_ids["F"], ["advice-gap"], false, "resp"); // already on F: may stay

        var caseFile = await _register.GetAsync(_ids["F"]);
        caseFile.Complaint.Systemic.Should().BeFalse();
        caseFile.Audit.Where(a => a.Action == RootCauseCatalog.AssignedAction).Should().HaveCount(2);
        caseFile.Audit.Last().Details.Should().Contain("systemic");
        (await _causes.HistoryAsync()).Select(h => h.Action).Should().Contain(new[] { "Créée", "Désactivée" });
    }
}
