using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Operators.OperatorActors;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Operators;

public sealed class HistoryRetentionTests
{
    private static string Quick(string id, string ttl) => Process(id, "<startEvent id=\"s\" /><endEvent id=\"e\" />" + Chain("s", "e"))
        .Replace($"<process id=\"{id}\"", $"<process id=\"{id}\" camunda:historyTimeToLive=\"{ttl}\"");

    private static string Waiting(string id) => Process(id, "<startEvent id=\"s\" /><userTask id=\"t\" name=\"t\" /><endEvent id=\"e\" />" + Chain("s", "t", "e"));

    private static Task<EngineHarness> StartAsync(Action<EngineOptions>? options = null) =>
        EngineHarness.StartAsync(b => b.Services.Configure<EngineOptions>(o =>
        {
            o.MinimumHistoryTimeToLive = TimeSpan.FromDays(30);
            options?.Invoke(o);
        }));

    private static async Task<int> CountAsync(EngineHarness h, Guid instance)
    {
        await using var db = h.OpenDb();
        return await db.ProcessInstances.CountAsync(i => i.Id == instance)
               + await db.History.CountAsync(r => r.ProcessInstanceId == instance)
               + await db.Variables.CountAsync(v => v.ProcessInstanceId == instance);
    }

    [Theory]
    [InlineData("1827", 1827)]
    [InlineData("P1827D", 1827)]
    public void The_time_to_live_is_days_or_an_iso_duration_in_days(string text, int days) =>
        HistoryTimeToLiveReader.Parse(text).Should().Be(TimeSpan.FromDays(days));

    [Fact]
    public async Task A_time_to_live_that_is_not_days_or_under_the_minimum_is_refused_at_deploy_naming_the_process()
    {
        await using var h = await StartAsync();
        var notDays = () => h.DeployAsync(Quick("short", "P1M"));
        (await notDays.Should().ThrowAsync<BpmnValidationException>()).Which.Errors.Should()
            .ContainSingle(e => e.ElementId == "short" && e.Message.Contains("historyTimeToLive") && e.Message.Contains("P1M"));
        var tooShort = () => h.DeployAsync(Quick("short", "29"));
        (await tooShort.Should().ThrowAsync<BpmnValidationException>()).Which.Errors.Should()
            .ContainSingle(e => e.ElementId == "short" && e.Message.Contains("29 days") && e.Message.Contains("MinimumHistoryTimeToLive"));
        (await h.Engine.GetProcessDefinitionsAsync()).Should().BeEmpty();
        (await h.DeployAsync(Quick("short", "30"))).Version.Should().Be(1);
    }

    [Fact]
    public async Task The_product_minimum_is_five_years_and_applies_to_the_configured_default_too()
    {
        new EngineOptions().MinimumHistoryTimeToLive.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(5 * 365 + 2));
        await using var h = await StartAsync(o => o.DefaultHistoryTimeToLive = TimeSpan.FromDays(10));
        var deploy = () => h.DeployAsync(Waiting("plain"));
        (await deploy.Should().ThrowAsync<BpmnValidationException>()).Which.Errors.Should()
            .ContainSingle(e => e.ElementId == "plain" && e.Message.Contains("DefaultHistoryTimeToLive"));
    }

    [Fact]
    public async Task The_cleanup_removes_only_instances_ended_longer_ago_than_their_time_to_live_and_never_one_under_legal_hold()
    {
        await using var h = await StartAsync(o => o.DefaultHistoryTimeToLive = TimeSpan.FromDays(60));
        await h.DeployAsync(Quick("short", "30"), "short.bpmn");
        await h.DeployAsync(Waiting("plain"), "plain.bpmn");
        var old = await h.StartAsync("short", Vars.Of(("amount", 1L)));
        var held = await h.StartAsync("short");
        await h.Engine.SetLegalHoldAsync(held.Id, true, "litigation", Operator);
        var running = await h.StartAsync("plain");
        var endedPlain = await h.StartAsync("plain");
        await h.CompleteAsync(endedPlain.Id, "t");
        h.Clock.Advance(TimeSpan.FromDays(20));
        var recent = await h.StartAsync("short");
        h.Clock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromSeconds(1));

        var run = await h.Engine.CleanupHistoryAsync(Operator);

        (await CountAsync(h, old.Id)).Should().Be(0, "30 days have passed since it ended");
        (await CountAsync(h, held.Id)).Should().BeGreaterThan(0, "a legal hold keeps it");
        (await CountAsync(h, recent.Id)).Should().BeGreaterThan(0, "it ended 10 days ago");
        (await CountAsync(h, endedPlain.Id)).Should().BeGreaterThan(0, "the default time to live is 60 days");
        (await CountAsync(h, running.Id)).Should().BeGreaterThan(0);
        run.Instances.Should().Be(1);
        run.VariableRows.Should().Be(1);
        run.HistoryRows.Should().BeGreaterThan(2);
        var report = await h.Engine.GetHistoryCleanupReportAsync(Operator);
        report.LastRuns.Should().ContainSingle().Which.Should().BeEquivalentTo(run);
        report.InstancesDue.Should().Be(0);

        h.Clock.Advance(TimeSpan.FromDays(30));
        (await h.Engine.CleanupHistoryAsync(Operator)).Instances.Should().Be(2, "the recent one and the plain one are due now");
        (await CountAsync(h, held.Id)).Should().BeGreaterThan(0);
        (await CountAsync(h, running.Id)).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_cleanup_works_in_batches_of_the_configured_size()
    {
        await using var h = await StartAsync(o => o.HistoryCleanupBatchSize = 2);
        await h.DeployAsync(Quick("short", "30"));
        for (var i = 0; i < 5; i++) await h.StartAsync("short");
        h.Clock.Advance(TimeSpan.FromDays(31));

        var run = await h.Engine.CleanupHistoryAsync(Operator);

        (run.Batches, run.Instances).Should().Be((3, 5));
        await using var db = h.OpenDb();
        (await db.ProcessInstances.CountAsync()).Should().Be(0);
        (await db.History.CountAsync(r => r.ProcessInstanceId != null)).Should().Be(0);
    }

    [Fact]
    public async Task The_scheduled_cleanup_runs_only_inside_its_window_in_the_engine_time_zone()
    {
        // Epoch is 09:00 in Paris; the window opens at 01:00 local time.
        await using var h = await StartAsync(o => o.HistoryCleanupWindow = "01:00-05:00");
        await h.DeployAsync(Quick("short", "30"));
        var ended = await h.StartAsync("short");
        h.Clock.Advance(TimeSpan.FromDays(31));

        (await h.Engine.RunScheduledHistoryCleanupAsync()).Should().BeNull("09:00 is outside the window");
        (await CountAsync(h, ended.Id)).Should().BeGreaterThan(0);

        h.Clock.Advance(TimeSpan.FromHours(17));
        var run = await h.Engine.RunScheduledHistoryCleanupAsync();
        run!.Trigger.Should().Be("window");
        run.Instances.Should().Be(1);
        (await CountAsync(h, ended.Id)).Should().Be(0);
    }

    [Theory]
    [InlineData("01:00-05:00", "00:59", false)]
    [InlineData("01:00-05:00", "01:00", true)]
    [InlineData("01:00-05:00", "05:00", false)]
    [InlineData("22:00-02:00", "23:30", true)]
    [InlineData("22:00-02:00", "01:59", true)]
    [InlineData("22:00-02:00", "12:00", false)]
    public void A_window_may_span_midnight(string window, string time, bool inside) =>
        CleanupWindow.Parse(window).Contains(TimeOnly.Parse(time)).Should().Be(inside);

    [Fact]
    public void A_malformed_window_names_the_setting() =>
        ((Action)(() => CleanupWindow.Parse("1h-5h"))).Should().Throw<FormatException>().WithMessage("*HistoryCleanupWindow*1h-5h*");
}
