using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class HistoryTests
{
    private static readonly Actor Alice = new("alice", ["Juridique"]);

    [Fact]
    public async Task The_history_tells_the_whole_story_with_the_clock_times()
    {
        await using var h = await EngineHarness.StartAsync(b => b.Services.Configure<EngineOptions>(o => o.DefaultRetries = 0));
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" name="Analyser" camunda:candidateGroups="Juridique">
              <extensionElements><camunda:formData><camunda:formField id="decision" type="string" /></camunda:formData></extensionElements>
            </userTask>
            <intermediateCatchEvent id="m"><messageEventDefinition messageRef="Msg_Reply" /></intermediateCatchEvent>
            """ + Service("w", "work", """camunda:asyncBefore="true" """) + """
            <endEvent id="e" />
            """ + Chain("s", "t", "m", "w", "e")));
        var t0 = EngineHarness.Epoch;
        h.Script.FailuresLeft["work"] = 1;

        var started = await h.Engine.StartProcessAsync("p", "REC-7", Vars.Of(("montant", 120L)), new Actor("accueil", ["Staff"]));
        var task = await h.SingleTaskAsync(started.Id);
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Engine.ClaimTaskAsync(task.Id, Alice);
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("decision", "fondee")), Alice);
        h.Clock.Advance(TimeSpan.FromHours(1));
        (await h.Engine.CorrelateMessageAsync("client-reply", "REC-7", null, Vars.Of(("reponse", "ok")), new Actor("courrier", ["Staff"])))
            .Should().Be(1);
        await h.RunJobsAsync();
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        h.Clock.Advance(TimeSpan.FromHours(1));
        await h.Engine.RetryJobAsync(incident.JobId!.Value, new Actor("operator", ["Admin"]));
        await h.RunJobsAsync();

        var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
        history.Should().BeInAscendingOrder(e => e.Id);
        history.Select(e => e.Timestamp).Should().BeInAscendingOrder();
        HistoryEventInfo One(string type, string? activity = null, string? variable = null) =>
            history.Should().ContainSingle(e => e.EventType == type && (activity == null || e.ActivityId == activity)
                && (variable == null || e.VariableName == variable), $"one {type} {activity}{variable}").Subject;

        One("ProcessStarted").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0 && e.UserId == "accueil" && e.Details == "REC-7");
        One("VariableSet", variable: "montant").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0 && e.Value == "120");
        One("ActivityStarted", "s").Timestamp.Should().Be(t0);
        One("ActivityCompleted", "s").Timestamp.Should().Be(t0);
        One("ActivityStarted", "t").Timestamp.Should().Be(t0);
        One("TaskCreated", "t").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0 && e.TaskId == task.Id && e.Details == "Analyser");
        One("TaskClaimed", "t").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0.AddHours(1) && e.UserId == "alice" && e.TaskId == task.Id);
        One("TaskCompleted", "t").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0.AddHours(2) && e.UserId == "alice" && e.TaskId == task.Id);
        One("VariableSet", variable: "decision").Should().Match<HistoryEventInfo>(e =>
            e.Timestamp == t0.AddHours(2) && e.UserId == "alice" && e.Value == "\"fondee\"");
        One("ActivityCompleted", "t").Timestamp.Should().Be(t0.AddHours(2));
        One("ActivityStarted", "m").Timestamp.Should().Be(t0.AddHours(2));
        One("MessageCorrelated", "m").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0.AddHours(3) && e.Details == "client-reply" && e.UserId == "courrier");
        One("VariableSet", variable: "reponse").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0.AddHours(3) && e.UserId == "courrier");
        One("ActivityCompleted", "m").Timestamp.Should().Be(t0.AddHours(3));
        One("IncidentCreated", "w").Should().Match<HistoryEventInfo>(e =>
            e.Timestamp == t0.AddHours(3) && e.Details!.Contains("Simulated failure of work") && e.UserId == Actor.SystemId);
        One("IncidentResolved", "w").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0.AddHours(4) && e.UserId == "operator");
        One("ActivityStarted", "w").Should().Match<HistoryEventInfo>(e => e.Timestamp == t0.AddHours(4) && e.UserId == Actor.SystemId,
            "the job executor runs the async step");
        One("ActivityCompleted", "w").Timestamp.Should().Be(t0.AddHours(4));
        One("ActivityCompleted", "e").Timestamp.Should().Be(t0.AddHours(4));
        One("ProcessCompleted").Timestamp.Should().Be(t0.AddHours(4));
        (await h.InstanceAsync(started.Id)).EndedAt.Should().Be(t0.AddHours(4));
        history.Should().OnlyContain(e => e.UserId == "accueil" || e.UserId == "alice" || e.UserId == "courrier" || e.UserId == "operator"
            || e.UserId == Actor.SystemId, "every row names who acted");
    }

    [Fact]
    public async Task Changing_a_variable_is_recorded_and_setting_the_same_value_is_not()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """<startEvent id="s" />""" + FormTask("t", """camunda:candidateUsers="alice" """, ("statut", "string"))
            + FormTask("t2", """camunda:candidateUsers="bob" """, ("statut", "string")) + """<endEvent id="e" />""" + Chain("s", "t", "t2", "e")));
        var started = await h.StartAsync("p", Vars.Of(("statut", "ouverte")));
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        await h.CompleteAsync(started.Id, "t", Vars.Of(("statut", "en cours")), new Actor("alice"));
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.CompleteAsync(started.Id, "t2", Vars.Of(("statut", "en cours")), new Actor("bob"));

        var changes = (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Where(e => e.EventType == "VariableSet" && e.VariableName == "statut").ToList();
        changes.Select(e => (e.Value, e.Timestamp, e.UserId)).Should().Equal(
            ("\"ouverte\"", EngineHarness.Epoch, (string?)Actor.SystemId),
            ("\"en cours\"", EngineHarness.Epoch.AddMinutes(5), "alice"));
    }

    [Fact]
    public async Task The_history_of_an_unknown_instance_is_not_found()
    {
        await using var h = await EngineHarness.StartAsync();
        await FluentActions.Awaiting(() => h.Engine.GetHistoryAsync(Guid.NewGuid(), Actor.System)).Should().ThrowAsync<NotFoundException>();
    }
}
