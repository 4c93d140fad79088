using Reclamations.Engine.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Limits;

public sealed class StepBudgetTests
{
    /// <summary>After <paramref name="before"/> (a user task, or a job), an exclusive gateway sends the token back through a
    /// none task for ever.</summary>
    private static string Loop(string before = """<userTask id="before" camunda:candidateUsers="alice" />""") => Process("loop", $"""
        <startEvent id="s" />
        {before}
        <exclusiveGateway id="gw" default="f_gw_e" />
        <task id="again" />
        <endEvent id="e" />
        """ + Chain("s", "before", "gw") + Flow("gw", "again", "${ true }") + Chain("again", "gw") + Flow("gw", "e"));

    private static string Simple => Process("simple", """
        <startEvent id="s" />
        <userTask id="review" />
        <endEvent id="e" />
        """ + Chain("s", "review", "e"));

    /// <summary>A process whose call activity calls the process itself, with no wait state in between.</summary>
    private static string SelfCalling => Process("rec", """
        <startEvent id="s" />
        <callActivity id="recurse" calledElement="rec" />
        <endEvent id="e" />
        """ + Chain("s", "recurse", "e"));

    private static string CallsSelfCalling => Process("outer", """
        <startEvent id="s" />
        <userTask id="before" />
        <callActivity id="call_rec" calledElement="rec" />
        <endEvent id="e" />
        """ + Chain("s", "before", "call_rec", "e"));

    private static Action<EngineBuilder> Budget(int steps) =>
        b => b.Services.Configure<EngineOptions>(o => o.MaxStepsPerCommand = steps);

    [Fact]
    public async Task A_loop_without_wait_state_rolls_the_users_command_back_and_leaves_an_incident_naming_the_element()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Loop());
        var instance = await h.StartAsync("loop");
        var task = await h.SingleTaskAsync(instance.Id, "before");

        var refused = await h.Engine.Invoking(e => e.CompleteTaskAsync(task.Id, null, new Actor("alice")))
            .Should().ThrowAsync<StepBudgetExceededException>();

        var error = refused.Which;
        error.ElementId.Should().BeOneOf("gw", "again");
        error.Message.Should().Contain($"'{error.ElementId}'").And.Contain("10000").And.Contain("Engine:MaxStepsPerCommand");
        var after = await h.InstanceAsync(instance.Id);
        after.ActiveActivityIds.Should().Equal("before");
        after.Variables.Should().BeEmpty();
        (await h.SingleTaskAsync(instance.Id)).Id.Should().Be(task.Id);
        (await h.HistoryAsync(instance.Id, "ActivityStarted")).Should().Equal("s", "before");
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        incident.ProcessInstanceId.Should().Be(instance.Id);
        incident.ActivityId.Should().Be(error.ElementId);
        incident.JobId.Should().BeNull();
        incident.Message.Should().Be(error.Message);
        var created = (await h.Engine.GetHistoryAsync(instance.Id, Actor.System)).Should().ContainSingle(e => e.EventType == "IncidentCreated").Subject;
        created.UserId.Should().Be("alice");

        // The node goes on serving.
        await h.DeployAsync(Simple, "simple.bpmn");
        var other = await h.StartAsync("simple");
        await h.CompleteAsync(other.Id, "review");
        (await h.InstanceAsync(other.Id)).State.Should().Be("Completed");
    }

    [Fact]
    public async Task A_job_that_loops_gets_the_incident_and_is_not_retried()
    {
        await using var h = await EngineHarness.StartAsync(Budget(200));
        await h.DeployAsync(Loop("""<task id="before" camunda:asyncBefore="true" />"""));
        var instance = await h.StartAsync("loop");

        (await h.RunJobsAsync()).Should().Be(1);

        var job = (await h.Engine.GetJobsAsync(instance.Id)).Should().ContainSingle().Subject;
        job.ActivityId.Should().Be("before");
        job.Retries.Should().Be(-1);
        job.LastError.Should().Contain("step budget of 200");
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        incident.JobId.Should().Be(job.Id);
        incident.ProcessInstanceId.Should().Be(instance.Id);
        incident.ActivityId.Should().BeOneOf("gw", "again");
        (await h.InstanceAsync(instance.Id)).ActiveActivityIds.Should().Equal("before");
        (await h.AdvanceAsync(TimeSpan.FromHours(1))).Should().Be(0);
        (await h.HistoryAsync(instance.Id, "IncidentCreated")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_process_that_calls_itself_is_stopped_by_the_budget_and_nothing_of_it_is_saved()
    {
        await using var h = await EngineHarness.StartAsync(Budget(300));
        await h.DeployAsync(SelfCalling, "rec.bpmn");

        var refused = await h.Invoking(x => x.StartAsync("rec")).Should().ThrowAsync<StepBudgetExceededException>();

        refused.Which.ProcessDefinitionKey.Should().Be("rec");
        await using (var db = h.OpenDb())
        {
            (await db.ProcessInstances.CountAsync()).Should().Be(0);
            (await db.Executions.CountAsync()).Should().Be(0);
        }
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        incident.ProcessInstanceId.Should().BeNull();
        incident.ActivityId.Should().Be("recurse");
        incident.Message.Should().Contain("process 'rec'");
    }

    [Fact]
    public async Task A_self_calling_process_called_from_a_waiting_instance_leaves_the_incident_on_that_instance_at_its_call_activity()
    {
        await using var h = await EngineHarness.StartAsync(Budget(300));
        await h.DeployAsync(SelfCalling, "rec.bpmn");
        await h.DeployAsync(CallsSelfCalling, "outer.bpmn");
        var outer = await h.StartAsync("outer");

        await h.Invoking(x => x.CompleteAsync(outer.Id, "before")).Should().ThrowAsync<StepBudgetExceededException>();

        (await h.InstanceAsync(outer.Id)).ActiveActivityIds.Should().Equal("before");
        var incident = (await h.Engine.GetIncidentsAsync()).Should().ContainSingle().Subject;
        incident.ProcessInstanceId.Should().Be(outer.Id);
        incident.ActivityId.Should().Be("call_rec");
        incident.Message.Should().Contain("of process 'rec'");
    }
}
