using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Operators.OperatorActors;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Operators;

/// <summary>Camunda 7's migration: instances of version n moved onto another version by a plan.</summary>
public sealed class MigrationTests
{
    private static readonly Actor Clerk = new("clara", ["Staff"]);

    /// <summary>Version 1: s → review → e, with a message subprocess.</summary>
    private static readonly string V1 = Process("p", $"""
        <startEvent id="s" />
        <userTask id="review" name="Examiner" camunda:candidateGroups="Staff" />
        <endEvent id="e" />
        """ + Chain("s", "review", "e"));

    /// <summary>Version 2: the task renamed, a reminder timer on it, and a new step after it.</summary>
    private static readonly string V2 = Process("p", $"""
        <startEvent id="s" />
        <userTask id="review" name="Examiner la réclamation" camunda:candidateGroups="Staff" />
        <boundaryEvent id="reminder" attachedToRef="review" cancelActivity="false">{Timer("timeDuration", "P5D")}</boundaryEvent>
        <endEvent id="reminded" />
        <userTask id="close" name="Clore" camunda:candidateGroups="Staff" />
        <endEvent id="e" />
        """ + Chain("s", "review", "close", "e") + Flow("reminder", "reminded"));

    /// <summary>Version 3: no "review" any more.</summary>
    private static readonly string V3 = Process("p", $"""
        <startEvent id="s" />
        <userTask id="check" name="Vérifier" camunda:candidateGroups="Staff" />
        <endEvent id="e" />
        """ + Chain("s", "check", "e"));

    [Fact]
    public async Task An_instance_waiting_in_a_task_moves_to_the_new_version_keeping_its_task_and_gaining_the_new_timer()
    {
        await using var h = await EngineHarness.StartAsync();
        var v1 = await h.DeployAsync(V1);
        var started = await h.StartAsync("p", Vars.Of(("amount", 12L)));
        await h.Engine.ClaimTaskAsync((await h.SingleTaskAsync(started.Id)).Id, Clerk);
        var v2 = await h.DeployAsync(V2);
        var plan = await h.Engine.CreateMigrationPlanAsync(v1.Id, v2.Id, Operator);
        plan.Instructions.Should().Contain(new MigrationInstruction("review", "review"));

        var preview = (await h.Engine.ValidateMigrationAsync(plan, [started.Id], Operator)).Should().ContainSingle().Subject;
        preview.Problems.Should().BeEmpty();
        preview.Moves.Should().Equal(new MigrationInstruction("review", "review"));
        preview.NewTriggers.Should().Equal("reminder");
        (await h.InstanceAsync(started.Id)).DefinitionVersion.Should().Be(1, "validating changes nothing");

        var report = (await h.Engine.MigrateAsync(plan, [started.Id], Operator)).Should().ContainSingle().Subject;

        report.Migrated.Should().BeTrue();
        var migrated = await h.InstanceAsync(started.Id);
        migrated.DefinitionVersion.Should().Be(2);
        migrated.Variables["amount"].Should().Be(12L);
        var task = await h.SingleTaskAsync(started.Id);
        task.Assignee.Should().Be("clara", "the task and its assignee are kept");
        (await h.Engine.GetJobsAsync(started.Id)).Should().ContainSingle(j => j.ActivityId == "reminder");
        (await h.HistoryAsync(started.Id, "ProcessInstanceMigrated")).Should().ContainSingle();

        await h.Engine.CompleteTaskAsync(task.Id, null, Clerk);
        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal(["close"], "the instance follows version 2 now");
    }

    [Fact]
    public async Task An_instance_whose_step_the_target_lacks_is_refused_naming_it_and_stays_on_its_version_while_the_others_move()
    {
        await using var h = await EngineHarness.StartAsync();
        var v1 = await h.DeployAsync(V1);
        var waiting = await h.StartAsync("p");
        var v3 = await h.DeployAsync(V3);
        var plan = new MigrationPlan(v1.Id, v3.Id, []);
        var onV3 = await h.StartAsync("p");

        var reports = await h.Engine.MigrateAsync(plan, [waiting.Id, onV3.Id], Operator);

        var refused = reports.Single(r => r.ProcessInstanceId == waiting.Id);
        refused.Migrated.Should().BeFalse();
        refused.Problems.Should().ContainSingle(p => p.ActivityId == "review").Which.Reason.Should().Contain("does not map");
        reports.Single(r => r.ProcessInstanceId == onV3.Id).Problems.Should().ContainSingle(p => p.Reason.Contains("not the plan's source"));
        (await h.InstanceAsync(waiting.Id)).DefinitionVersion.Should().Be(1);
        (await h.HistoryAsync(waiting.Id, "ProcessInstanceMigrated")).Should().BeEmpty();

        var mapped = new MigrationPlan(v1.Id, v3.Id, [new MigrationInstruction("review", "check")]);
        (await h.Engine.MigrateAsync(mapped, [waiting.Id], Operator)).Single().Migrated.Should().BeTrue("an edited mapping moves it");
        (await h.InstanceAsync(waiting.Id)).ActiveActivityIds.Should().Equal("check");
    }

    [Fact]
    public async Task A_plan_naming_unknown_elements_or_mapping_across_kinds_is_refused()
    {
        await using var h = await EngineHarness.StartAsync();
        var v1 = await h.DeployAsync(V1);
        var started = await h.StartAsync("p");
        var v2 = await h.DeployAsync(V2);

        var unknown = await h.Engine.ValidateMigrationAsync(new MigrationPlan(v1.Id, v2.Id, [new("review", "nowhere")]), [started.Id], Operator);
        unknown.Single().Problems.Should().ContainSingle(p => p.Reason.Contains("'nowhere'"));
        var kinds = await h.Engine.ValidateMigrationAsync(new MigrationPlan(v1.Id, v2.Id, [new("review", "reminded")]), [started.Id], Operator);
        kinds.Single().Problems.Should().ContainSingle(p => p.ActivityId == "review" && p.Reason.Contains("userTask"));
    }

    [Fact]
    public async Task Only_an_operator_migrates()
    {
        await using var h = await EngineHarness.StartAsync();
        var v1 = await h.DeployAsync(V1);
        var started = await h.StartAsync("p");
        var v2 = await h.DeployAsync(V2);

        await FluentActions.Awaiting(() => h.Engine.MigrateAsync(new MigrationPlan(v1.Id, v2.Id, [new("review", "review")]), [started.Id], Stranger))
            .Should().ThrowAsync<ForbiddenException>();
        var tooMany = Enumerable.Range(0, ProcessEngine.MaxInstancesPerMigration + 1).Select(_ => Guid.NewGuid()).ToList();
        await FluentActions.Awaiting(() => h.Engine.MigrateAsync(new MigrationPlan(v1.Id, v2.Id, []), tooMany, Operator))
            .Should().ThrowAsync<RejectedException>().WithMessage("processInstanceIds: at most 500*");
        (await h.InstanceAsync(started.Id)).DefinitionVersion.Should().Be(1);
    }
}
