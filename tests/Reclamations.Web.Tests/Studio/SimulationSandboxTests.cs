using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Studio.Simulation;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>A simulation runs in its own sandbox: the app's database, outbox, files and clock stay as they were, the
/// sandbox's clock moves on the profile's calendar, its letters are rendered and kept, and the limits hold.</summary>
public sealed class SimulationSandboxTests : IDisposable
{
    private static readonly TimeZoneInfo Paris = ZonedTime.FindZone("Europe/Paris");
    private readonly WebHost _host = WebHost.WithRealWorkflows();

    public void Dispose() => _host.DisposeAndDelete();

    private static DateTimeOffset At(int year, int month, int day, int hour = 9) => ZonedTime.AtLocal(new DateTime(year, month, day, hour, 0, 0), Paris);

    private async Task<SimulationSource> LatestAsync()
    {
        var engine = _host.Services.GetRequiredService<ProcessEngine>();
        var latest = (await engine.GetProcessDefinitionsAsync()).Single(d => d.Key == ComplaintProcess.Key);
        return new SimulationSource($"v{latest.Version}", await engine.GetProcessDefinitionXmlAsync(latest.Key, latest.Version), latest.Key, latest.Version);
    }

    private static async Task CompleteAsync(SimulationSandbox sandbox, string key, Dictionary<string, object?> values)
    {
        var task = (await sandbox.OpenTasksAsync()).Should().Contain(t => t.TaskDefinitionKey == key,
            $"{key} is open among {string.Join(", ", (await sandbox.OpenTasksAsync()).Select(t => t.TaskDefinitionKey))}").Subject;
        await sandbox.CompleteTaskAsync(task.Id, values);
    }

    /// <summary>The unfounded branch up to the reasoned rejection (the scenario's own values).</summary>
    private static async Task RunToRejectionAsync(SimulationSandbox sandbox)
    {
        await CompleteAsync(sandbox, "Task_Qualify", new() { ["qualification"] = "complaint" });
        await CompleteAsync(sandbox, "Task_Acknowledge", new());
        await CompleteAsync(sandbox, "Task_AssignReviewer", new() { ["reviewer"] = "sophie.bernard" });
        await CompleteAsync(sandbox, "Task_Review", new() { ["reviewOutcome"] = "unfounded", ["findings"] = "Conseil donné et signé." });
        await CompleteAsync(sandbox, "Task_ExplainPosition", new() { ["meetingDate"] = "2026-03-09", ["meetingSummary"] = "Appel." });
        await CompleteAsync(sandbox, "Task_DraftReasonedAnswer", new() { ["answerSummary"] = "Le devoir de conseil a été respecté." });
    }

    private async Task<Dictionary<string, long>> AppCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<EngineDbContext>>().CreateDbContextAsync())
        {
            counts["instances"] = await db.ProcessInstances.CountAsync();
            counts["history"] = await db.History.CountAsync();
            counts["tasks"] = await db.Tasks.CountAsync();
            counts["jobs"] = await db.Jobs.CountAsync();
            counts["definitions"] = await db.ProcessDefinitions.CountAsync();
        }
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync())
        {
            counts["complaints"] = await db.Complaints.CountAsync();
            counts["letters"] = await db.SentLetters.CountAsync();
            counts["outbox"] = await db.OutboxMessages.CountAsync();
            counts["audit"] = await db.AuditEntries.CountAsync();
        }
        var data = _host.Services.GetRequiredService<MailOptions>().DataDirectory;
        var simulations = Path.Combine(data, "simulations");
        counts["files"] = Directory.Exists(data)
            ? Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Count(f => !f.StartsWith(simulations, StringComparison.Ordinal))
            : 0;
        return counts;
    }

    [Fact]
    public async Task A_simulation_writes_nothing_to_the_app_and_moves_only_its_own_clock()
    {
        var app = _host.Services;
        var appClock = app.GetRequiredService<TimeProvider>();
        // A real complaint in the app, so that its rows are there to be counted (and copied).
        var real = await app.GetRequiredService<ComplaintService>().RegisterAsync(new NewComplaint
        {
            Complainant = new NewComplainant { Name = "Hélène Dupuis", Kind = ComplainantKind.Client, Email = "helene.dupuis@example.org" },
            ReceivedAt = appClock.GetUtcNow(), SentAt = DateOnly.FromDateTime(appClock.GetUtcNow().Date), Channel = ComplaintChannel.Email,
            Subject = "Refus de prise en charge", Category = "contractOperations", Profile = "FR-ACPR",
        }, new Actor("staff-1", ["Staff"]));
        var before = await AppCountsAsync();
        var appNow = appClock.GetUtcNow();
        var sandboxes = app.GetRequiredService<SimulationSandboxes>();

        var sandbox = await sandboxes.StartAsync("owner-1", await LatestAsync(), SimulationScenarios.Preset(SimulationScenarios.Unfounded, At(2026, 3, 2))!);
        await RunToRejectionAsync(sandbox);
        await sandbox.AdvanceAsync(ClockMove.TwoMonths);
        var copy = await sandboxes.StartAsync("owner-1", await LatestAsync(), SimulationScenarios.AnonymisedCopy(real, At(2026, 3, 2)));

        var snapshot = await SimulationSnapshot.LoadAsync(sandbox);
        var rejection = snapshot.Letters.Should().ContainSingle(l => l.TemplateName == "reponse-defavorable").Subject;
        rejection.PlainText.Should().Contain("Le devoir de conseil a été respecté.").And.Contain("La Médiation de l'Assurance");
        sandbox.Clock.GetUtcNow().Should().BeAfter(At(2026, 5, 1), "the sandbox's clock moved two months");
        await using (var db = await sandbox.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync())
        {
            (await db.OutboxMessages.CountAsync()).Should().BeGreaterThan(0, "the sandbox keeps its letters in its own outbox");
            (await db.OutboxMessages.CountAsync(m => m.SentAt != null)).Should().Be(0, "and never sends one");
        }
        var copied = (await SimulationSnapshot.LoadAsync(copy)).Complaint;
        copied.Complainant.Name.Should().Be(SimulationScenarios.AnonymousName);
        copied.Complainant.Email.Should().Be(SimulationScenarios.AnonymousEmail);
        copied.Category.Should().Be("contractOperations");

        (await AppCountsAsync()).Should().Equal(before, "nothing of the simulation reaches the app's database, outbox or files");
        appClock.GetUtcNow().Should().Be(appNow, "the app's clock did not move");

        var folder = sandbox.Folder;
        Directory.Exists(folder).Should().BeTrue();
        await sandboxes.RemoveAsync(sandbox);
        Directory.Exists(folder).Should().BeFalse("a disposed sandbox's files are deleted");
        (await sandboxes.FindAsync(sandbox.Id, "owner-1")).Should().BeNull();
        (await sandboxes.FindAsync(copy.Id, "owner-2")).Should().BeNull("a sandbox is its owner's only");
    }

    [Fact]
    public void Ten_working_days_follow_the_profile_calendar()
    {
        // Thursday 30 April 2026, FR jours ouvrables (Monday to Saturday): 1 May, 8 May and Ascension (14 May) are holidays.
        SimulationClockMoves.Target(At(2026, 4, 30, 10), ClockMove.TenWorkingDays, DeadlineProfiles.FrAcpr).Should().Be(At(2026, 5, 15, 10));
        SimulationClockMoves.Target(At(2026, 1, 31, 10), ClockMove.TwoMonths, DeadlineProfiles.FrAcpr).Should().Be(At(2026, 3, 31, 10));
    }

    [Fact]
    public async Task The_sandbox_clock_moves_ten_working_days_and_to_the_next_deadline()
    {
        var sandboxes = _host.Services.GetRequiredService<SimulationSandboxes>();
        var sandbox = await sandboxes.StartAsync("owner-1", await LatestAsync(), SimulationScenarios.Preset(SimulationScenarios.FrenchWritten, At(2026, 4, 30))!);

        (await sandbox.AdvanceAsync(ClockMove.TenWorkingDays)).Should().Be(At(2026, 5, 15));
        sandbox.Clock.GetUtcNow().Should().Be(At(2026, 5, 15));
        var next = (await SimulationSnapshot.LoadAsync(sandbox)).PendingTimers.Min(t => t.DueAt);
        (await sandbox.AdvanceAsync(ClockMove.NextDeadline)).Should().Be(next);
        (await SimulationSnapshot.LoadAsync(sandbox)).Timeline.Should().Contain(e => e.Kind == "timer");
        await sandboxes.RemoveAsync(sandbox);
    }

    [Fact]
    public async Task At_most_the_configured_sandboxes_live_and_none_past_its_lifetime()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandboxes = new SimulationSandboxes(_host.Services, _host.Services.GetRequiredService<MailOptions>(),
            new SimulationOptions { MaxSandboxes = 2, MaxLifetime = TimeSpan.FromHours(1), RealTime = clock });
        var source = await LatestAsync();
        var scenario = SimulationScenarios.Preset(SimulationScenarios.FrenchWritten, At(2026, 4, 30))!;
        var first = await sandboxes.StartAsync("owner-1", source, scenario);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await sandboxes.StartAsync("owner-1", source, scenario);
        clock.Advance(TimeSpan.FromMinutes(1));
        var refused = () => sandboxes.StartAsync("owner-2", source, scenario);
        (await refused.Should().ThrowAsync<Reclamations.Web.Studio.Pages.SimulationInputException>()).WithMessage("*déjà en cours*",
            "nobody's simulation goes because someone else starts one");
        (await sandboxes.ListAsync("owner-1")).Should().HaveCount(2);
        var third = await sandboxes.StartAsync("owner-1", source, scenario);

        sandboxes.Count.Should().Be(2);
        first.IsDisposed.Should().BeTrue("the owner's oldest goes when they start one more");
        Directory.Exists(first.Folder).Should().BeFalse();
        (await sandboxes.ListAsync("owner-1")).Should().HaveCount(2).And.Contain(second).And.Contain(third);

        clock.Advance(TimeSpan.FromMinutes(59));
        (await sandboxes.FindAsync(second.Id, "owner-1")).Should().BeNull("past its lifetime");
        (await sandboxes.FindAsync(third.Id, "owner-1")).Should().BeSameAs(third);
        clock.Advance(TimeSpan.FromMinutes(2));
        await sandboxes.ExpireAsync();
        sandboxes.Count.Should().Be(0);
        Directory.Exists(third.Folder).Should().BeFalse();
    }

    [Fact]
    public async Task A_refused_draft_leaves_no_sandbox_and_names_the_element()
    {
        var sandboxes = _host.Services.GetRequiredService<SimulationSandboxes>();
        var xml = (await LatestAsync()).Xml.Replace("camunda:topic=\"send-letter\"", "camunda:topic=\"no-such-topic\"", StringComparison.Ordinal);
        var start = () => sandboxes.StartAsync("owner-1", new SimulationSource("brouillon", xml), SimulationScenarios.Preset(SimulationScenarios.FrenchWritten, At(2026, 4, 30))!);
        (await start.Should().ThrowAsync<BpmnValidationException>()).Which.Errors.Should().Contain(e => e.Message.Contains("no-such-topic"));
        sandboxes.Count.Should().Be(0);
        (Directory.Exists(sandboxes.Folder) ? Directory.GetDirectories(sandboxes.Folder) : []).Should().BeEmpty();
    }

    [Fact]
    public async Task A_side_by_side_run_replays_the_actions_and_shows_where_the_versions_differ()
    {
        var sandboxes = _host.Services.GetRequiredService<SimulationSandboxes>();
        var source = await LatestAsync();
        var first = await sandboxes.StartAsync("owner-1", source, SimulationScenarios.Preset(SimulationScenarios.Unfounded, At(2026, 3, 2))!);
        await RunToRejectionAsync(first);
        // The draft skips the meeting: its explanation step's id is another, so the replay cannot complete it there.
        var draft = new SimulationSource("brouillon", source.Xml.Replace("Task_ExplainPosition", "Task_ExplainPositionDraft", StringComparison.Ordinal));

        var second = await sandboxes.CompareAsync(first, draft);

        first.PairedWith.Should().Be(second.Id);
        second.ReplayNotes.Should().Contain(n => n.Contains("Task_ExplainPosition"));
        var rows = SimulationComparison.Of(await SimulationSnapshot.LoadAsync(first), await SimulationSnapshot.LoadAsync(second));
        rows.Should().Contain(r => r.Aspect == "Étape" && r.Differs && r.Left == "atteinte" && r.Right == "—");
        rows.Should().Contain(r => r.Aspect == "Courrier" && r.Item == "reponse-defavorable" && r.Differs, "the draft never reached the rejection");
        rows.Should().Contain(r => r.Aspect == "Courrier" && r.Item == "accuse-reception" && !r.Differs);
    }
    [Fact]
    public async Task A_simulation_writes_the_letters_with_the_templates_as_edited_in_the_studio()
    {
        var app = _host.Services;
        var catalog = app.GetRequiredService<Reclamations.Domain.Letters.LetterTemplateCatalog>();
        var file = catalog.Defaults.Find("reponse-defavorable")!.Source;
        const string Added = "<p>Phrase ajoutée dans le studio.</p>";
        var edited = file.Replace("{{ include \"signature\" }}", Added + "\n{{ include \"signature\" }}", StringComparison.Ordinal);
        edited.Should().Contain(Added, "the template has a body to add to");
        await catalog.AppendAsync("reponse-defavorable", edited, "essai", "owner-1", app.GetRequiredService<TimeProvider>().GetUtcNow());

        var sandboxes = app.GetRequiredService<SimulationSandboxes>();
        var sandbox = await sandboxes.StartAsync("owner-1", await LatestAsync(), SimulationScenarios.Preset(SimulationScenarios.Unfounded, At(2026, 3, 2))!);
        await RunToRejectionAsync(sandbox);
        var rejection = (await SimulationSnapshot.LoadAsync(sandbox)).Letters.Should().ContainSingle(l => l.TemplateName == "reponse-defavorable").Subject;
        rejection.PlainText.Should().Contain("Phrase ajoutée dans le studio.", "the sandbox renders the version in force, not the file");
        await sandboxes.RemoveAsync(sandbox);
    }
}
