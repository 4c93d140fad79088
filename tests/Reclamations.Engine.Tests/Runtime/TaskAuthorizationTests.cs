using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

/// <summary>Who may claim, complete, unclaim, reassign and delegate a task, enforced by the engine whatever the caller:
/// a refusal is a <see cref="ForbiddenException"/>, logged, and the task, its variables and the history stay as they were.</summary>
public sealed class TaskAuthorizationTests
{
    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["candidateUser"] = new("carla"),
        ["groupMember"] = new("gaston", ["Juridique"]),
        ["assignee"] = new("anna", ["Juridique"]),
        ["stranger"] = new("eve", ["Accounting"]),
        ["supervisor"] = new("olivia", ["ComplaintsOfficer"]),
    };

    private static readonly string TaskProcess = Bpmn.Process("p", """
        <startEvent id="s" />
        <userTask id="t" name="Analyser" camunda:candidateUsers="carla" camunda:candidateGroups="Juridique">
          <extensionElements><camunda:formData><camunda:formField id="avis" type="string" /></camunda:formData></extensionElements>
        </userTask>
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    public static TheoryData<bool, string, string, string> Matrix() => new()
    {
        // Unassigned task: candidates claim and complete (then becoming its assignee); reassigning and delegating are for supervisors.
        { false, "candidateUser", "claim", "ok" }, { false, "groupMember", "claim", "ok" },
        { false, "stranger", "claim", "forbidden" }, { false, "supervisor", "claim", "forbidden" },
        { false, "candidateUser", "complete", "ok" }, { false, "groupMember", "complete", "ok" },
        { false, "stranger", "complete", "forbidden" }, { false, "supervisor", "complete", "forbidden" },
        { false, "groupMember", "unclaim", "ok" }, { false, "stranger", "unclaim", "forbidden" },
        { false, "candidateUser", "assign", "forbidden" }, { false, "stranger", "assign", "forbidden" }, { false, "supervisor", "assign", "ok" },
        { false, "groupMember", "delegate", "forbidden" }, { false, "stranger", "delegate", "forbidden" }, { false, "supervisor", "delegate", "ok" },
        // Task claimed by anna: she acts on it; another candidate finds it taken; supervisors reassign and delegate it.
        { true, "assignee", "claim", "ok" }, { true, "groupMember", "claim", "conflict" },
        { true, "stranger", "claim", "forbidden" }, { true, "supervisor", "claim", "forbidden" },
        { true, "assignee", "complete", "ok" }, { true, "candidateUser", "complete", "forbidden" }, { true, "groupMember", "complete", "forbidden" },
        { true, "stranger", "complete", "forbidden" }, { true, "supervisor", "complete", "forbidden" },
        { true, "assignee", "unclaim", "ok" }, { true, "groupMember", "unclaim", "forbidden" },
        { true, "stranger", "unclaim", "forbidden" }, { true, "supervisor", "unclaim", "forbidden" },
        { true, "assignee", "assign", "ok" }, { true, "groupMember", "assign", "forbidden" },
        { true, "stranger", "assign", "forbidden" }, { true, "supervisor", "assign", "ok" },
        { true, "assignee", "delegate", "ok" }, { true, "groupMember", "delegate", "forbidden" },
        { true, "stranger", "delegate", "forbidden" }, { true, "supervisor", "delegate", "ok" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_act_on_a_task(bool claimedByAnna, string who, string operation, string expected)
    {
        var warnings = new WarningLog();
        await using var h = await EngineHarness.StartAsync(b => b.Services.AddSingleton<ILoggerProvider>(warnings));
        await h.DeployAsync(TaskProcess);
        var started = await h.StartAsync("p", Vars.Of(("avis", "aucun")));
        var taskId = (await h.SingleTaskAsync(started.Id)).Id;
        if (claimedByAnna) await h.Engine.ClaimTaskAsync(taskId, Actors["assignee"]);
        var actor = Actors[who];
        var before = await h.Engine.GetTaskAsync(taskId, Actor.System);
        var historyBefore = await h.Engine.GetHistoryAsync(started.Id, Actor.System);

        Func<Task> act = operation switch
        {
            "claim" => () => h.Engine.ClaimTaskAsync(taskId, actor),
            "complete" => () => h.Engine.CompleteTaskAsync(taskId, Vars.Of(("avis", "fondée")), actor),
            "unclaim" => () => h.Engine.UnclaimTaskAsync(taskId, actor),
            "assign" => () => h.Engine.AssignTaskAsync(taskId, "zoe", actor),
            "delegate" => () => h.Engine.DelegateTaskAsync(taskId, "zoe", actor),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        switch (expected)
        {
            case "forbidden":
                (await act.Should().ThrowAsync<ForbiddenException>()).Which.Message.Should().StartWith($"'{actor.Id}' may not");
                (await h.Engine.GetTaskAsync(taskId, Actor.System)).Should().BeEquivalentTo(before);
                (await h.InstanceAsync(started.Id)).Variables["avis"].Should().Be("aucun");
                (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Should().BeEquivalentTo(historyBefore);
                warnings.Messages.Should().ContainSingle().Which.Should().Contain(actor.Id).And.Contain(operation == "assign" ? "reassign" : operation);
                return;
            case "conflict":
                await act.Should().ThrowAsync<ConflictException>();
                (await h.Engine.GetTaskAsync(taskId, Actor.System)).Should().BeEquivalentTo(before);
                return;
        }
        await act();
        warnings.Messages.Should().BeEmpty();
        var history = await h.Engine.GetHistoryAsync(started.Id, Actor.System);
        history.Skip(historyBefore.Count).Where(e => e.UserId != actor.Id).Should().BeEmpty("every row of the command names who acted");
        if (operation == "complete")
        {
            (await h.InstanceAsync(started.Id)).State.Should().Be("Completed");
            history.Should().ContainSingle(e => e.EventType == "TaskCompleted").Which.UserId.Should().Be(actor.Id);
            if (!claimedByAnna) history.Should().ContainSingle(e => e.EventType == "TaskClaimed" && e.UserId == actor.Id,
                "a candidate completing an unassigned task becomes its assignee first");
            return;
        }
        var task = await h.Engine.GetTaskAsync(taskId, Actor.System);
        switch (operation)
        {
            case "claim":
                task.Assignee.Should().Be(actor.Id);
                break;
            case "unclaim":
                task.Assignee.Should().BeNull();
                break;
            case "assign":
                task.Assignee.Should().Be("zoe");
                history.Should().Contain(e => e.EventType == "TaskAssigned" && e.UserId == actor.Id && e.Details == "zoe");
                break;
            case "delegate":
                (task.Assignee, task.Owner, task.DelegationState).Should().Be(("zoe", before.Assignee, "PENDING"));
                history.Should().Contain(e => e.EventType == "TaskDelegated" && e.UserId == actor.Id && e.Details == "zoe");
                break;
        }
    }

    [Fact]
    public async Task A_delegate_completing_resolves_the_task_back_to_its_owner_who_completes_it()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(TaskProcess);
        var started = await h.StartAsync("p");
        var taskId = (await h.SingleTaskAsync(started.Id)).Id;
        var anna = Actors["assignee"];
        var zoe = new Actor("zoe");
        await h.Engine.ClaimTaskAsync(taskId, anna);
        await h.Engine.DelegateTaskAsync(taskId, "zoe", anna);

        var ownerTooEarly = () => h.Engine.CompleteTaskAsync(taskId, null, anna);
        (await ownerTooEarly.Should().ThrowAsync<ForbiddenException>()).Which.Message.Should().Contain("delegated to 'zoe'");
        await h.Engine.CompleteTaskAsync(taskId, Vars.Of(("avis", "fondée")), zoe);

        var resolved = await h.Engine.GetTaskAsync(taskId, Actor.System);
        (resolved.Assignee, resolved.Owner, resolved.DelegationState).Should().Be(("anna", "anna", "RESOLVED"));
        (await h.InstanceAsync(started.Id)).Variables["avis"].Should().Be("fondée", "the delegate's values are kept for the owner");
        var zoeAgain = () => h.Engine.CompleteTaskAsync(taskId, null, zoe);
        await zoeAgain.Should().ThrowAsync<ForbiddenException>("the task is back with its owner");
        var resolveAgain = () => h.Engine.ResolveTaskAsync(taskId, null, anna);
        await resolveAgain.Should().ThrowAsync<ConflictException>();

        await h.Engine.CompleteTaskAsync(taskId, null, anna);

        (await h.InstanceAsync(started.Id)).Variables["avis"].Should().Be("fondée");
        (await h.Engine.GetHistoryAsync(started.Id, Actor.System)).Where(e => e.TaskId == taskId && e.EventType != "TaskCreated")
            .Select(e => (e.EventType, e.UserId, e.Details)).Should().Equal(
                ("TaskClaimed", "anna", "anna"), ("TaskDelegated", "anna", "zoe"), ("TaskResolved", "zoe", "anna"),
                ("TaskCompleted", "anna", "Analyser"));
    }

    [Fact]
    public async Task Supervisor_groups_come_from_the_options()
    {
        await using var h = await EngineHarness.StartAsync(b => b.Services.Configure<EngineOptions>(o => o.SupervisorGroups = ["TeamLead"]));
        await h.DeployAsync(TaskProcess);
        var started = await h.StartAsync("p");
        var taskId = (await h.SingleTaskAsync(started.Id)).Id;

        var officer = () => h.Engine.AssignTaskAsync(taskId, "zoe", Actors["supervisor"]);
        await officer.Should().ThrowAsync<ForbiddenException>("ComplaintsOfficer is no supervisor group here");
        await h.Engine.AssignTaskAsync(taskId, "zoe", new Actor("tom", ["TeamLead"]));

        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Assignee.Should().Be("zoe");
    }

    [Theory]
    [InlineData("system")]
    [InlineData(" System ")]
    public void No_user_may_take_the_engines_id(string id)
    {
        var act = () => new Actor(id, ["Admin"]);

        act.Should().Throw<ArgumentException>().WithMessage("*reserved*");
        Actor.System.IsSystem.Should().BeTrue();
    }

    /// <summary>Collects the warnings <see cref="ProcessEngine"/> logs.</summary>
    private sealed class WarningLog : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(ProcessEngine).FullName ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose() { }

        private sealed class Logger(WarningLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning) lock (log.Messages) log.Messages.Add(formatter(state, exception));
            }
        }
    }
}
