using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Tests.Support;

namespace Reclamations.Engine.Tests.Persistence;

/// <summary>The SQLite row writer against EF's own reading: every entity type inserted, updated and deleted, converters
/// (UTC ticks, enum as text, GUID text) read back through EF queries, and stale concurrency tokens refused.</summary>
public sealed class EngineRowWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Local = new(2026, 5, 4, 10, 30, 15, TimeSpan.FromHours(2));
    private EngineHarness _h = null!;

    public async Task InitializeAsync() => _h = await EngineHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task SaveAsync(Action<EngineDbContext> change)
    {
        await using var db = _h.OpenDb();
        await using var transaction = await db.Database.BeginTransactionAsync();
        change(db);
        await EngineRowWriter.SaveAsync(db, default);
        db.ChangeTracker.Entries().Should().NotContain(e => e.State != EntityState.Unchanged);
        await transaction.CommitAsync();
    }

    private async Task<T> ReadAsync<T>(Func<EngineDbContext, Task<T>> query)
    {
        await using var db = _h.OpenDb();
        return await query(db);
    }

    private static ProcessInstanceEntity Instance(Guid id, string? businessKey = "BK-1") => new()
    {
        Id = id, DefinitionId = "p:1", DefinitionKey = "p", DefinitionVersion = 1, BusinessKey = businessKey,
        State = ProcessInstanceState.Active, StartedAt = Local, Revision = 3,
    };

    [Fact]
    public async Task Instance_round_trips_with_converters_then_updates_and_deletes()
    {
        var id = Guid.NewGuid();
        var other = Guid.NewGuid();
        await SaveAsync(db => db.ProcessInstances.AddRange(Instance(id), Instance(other, null)));

        var read = await ReadAsync(db => db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == id));
        read.Should().BeEquivalentTo(Instance(id), o => o.Excluding(i => i.StartedAt));
        read.StartedAt.Should().Be(Local).And.Subject!.Value.Offset.Should().Be(TimeSpan.Zero);
        (await ReadAsync(db => db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == other))).BusinessKey.Should().BeNull();
        (await ReadAsync(db => db.ProcessInstances.CountAsync(i => i.State == ProcessInstanceState.Active && i.StartedAt == Local)))
            .Should().Be(2, "enum text and UTC ticks compare in SQL as EF writes them");
        (await ReadAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"State\" AS \"Value\" FROM \"ProcessInstances\" LIMIT 1").SingleAsync()))
            .Should().Be("Active");

        await SaveAsync(db =>
        {
            var i = db.ProcessInstances.Single(x => x.Id == id);
            i.State = ProcessInstanceState.Completed;
            i.EndedAt = Local.AddHours(1);
            i.BusinessKey = null;
            i.Revision++;
            var o = db.ProcessInstances.Single(x => x.Id == other);
            o.BusinessKey = "BK-2";
            o.Revision++;
        });
        read = await ReadAsync(db => db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == id));
        (read.State, read.EndedAt, read.BusinessKey, read.Revision).Should().Be((ProcessInstanceState.Completed, Local.AddHours(1), null, 4L));
        (await ReadAsync(db => db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == other))).BusinessKey.Should().Be("BK-2");

        await SaveAsync(db => db.ProcessInstances.Remove(db.ProcessInstances.Single(x => x.Id == id)));
        (await ReadAsync(db => db.ProcessInstances.Select(i => i.Id).ToListAsync())).Should().Equal(other);
    }

    [Fact]
    public async Task Executions_variables_subscriptions_incidents_definitions_round_trip()
    {
        var instanceId = Guid.NewGuid();
        var parent = new ExecutionEntity { Id = Guid.NewGuid(), ProcessInstanceId = instanceId, ActivityId = "p", CreatedAt = Local };
        var child = new ExecutionEntity
        {
            Id = Guid.NewGuid(), ProcessInstanceId = instanceId, ParentId = parent.Id, ActivityId = "t", IsJoined = true,
            IsMultiInstanceBody = true, LoopCounter = 2, CreatedAt = Local.AddMinutes(1),
        };
        var variable = new VariableEntity { Id = Guid.NewGuid(), ProcessInstanceId = instanceId, ExecutionId = child.Id, Name = "n", Type = "Long", Json = "5" };
        var subscription = new EventSubscriptionEntity
        {
            Id = Guid.NewGuid(), MessageName = "m", ProcessInstanceId = instanceId, ExecutionId = child.Id, ActivityId = "r", BusinessKey = "b",
            CreatedAt = Local,
        };
        var incident = new IncidentEntity { Id = Guid.NewGuid(), JobId = Guid.NewGuid(), ActivityId = "s", Message = "boom", CreatedAt = Local };
        var definition = new ProcessDefinitionEntity
        {
            Id = "k:1", Key = "k", Version = 1, Name = "K", ResourceName = "k.bpmn", Xml = "<x/>", XmlHash = "H", DeployedAt = Local,
        };
        await SaveAsync(db =>
        {
            db.Executions.AddRange(parent, child);
            db.Variables.Add(variable);
            db.EventSubscriptions.Add(subscription);
            db.Incidents.Add(incident);
            db.ProcessDefinitions.Add(definition);
        });

        var executions = await ReadAsync(db => db.Executions.AsNoTracking().Where(e => e.ProcessInstanceId == instanceId).OrderBy(e => e.CreatedAt).ToListAsync());
        executions.Should().BeEquivalentTo([parent, child], o => o.WithStrictOrdering());
        (await ReadAsync(db => db.Variables.AsNoTracking().SingleAsync(v => v.ExecutionId == child.Id))).Should().BeEquivalentTo(variable);
        (await ReadAsync(db => db.EventSubscriptions.AsNoTracking().SingleAsync(s => s.ProcessInstanceId == instanceId))).Should().BeEquivalentTo(subscription);
        (await ReadAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.JobId == incident.JobId))).Should().BeEquivalentTo(incident);
        (await ReadAsync(db => db.ProcessDefinitions.AsNoTracking().SingleAsync(d => d.Key == "k" && d.Version == 1))).Should().BeEquivalentTo(definition);

        await SaveAsync(db =>
        {
            db.Executions.Single(e => e.Id == child.Id).LoopCounter = null;
            db.Variables.Single(v => v.Id == variable.Id).Json = null;
            db.Incidents.Single(i => i.Id == incident.Id).ResolvedAt = Local.AddDays(1);
        });
        (await ReadAsync(db => db.Executions.AsNoTracking().SingleAsync(e => e.Id == child.Id))).LoopCounter.Should().BeNull();
        (await ReadAsync(db => db.Variables.AsNoTracking().SingleAsync(v => v.Id == variable.Id))).Json.Should().BeNull();
        (await ReadAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.ResolvedAt == Local.AddDays(1)))).Id.Should().Be(incident.Id);

        await SaveAsync(db =>
        {
            db.Executions.RemoveRange(db.Executions.Where(e => e.ProcessInstanceId == instanceId));
            db.Variables.Remove(db.Variables.Single(v => v.Id == variable.Id));
            db.EventSubscriptions.Remove(db.EventSubscriptions.Single(s => s.Id == subscription.Id));
            db.Incidents.Remove(db.Incidents.Single(i => i.Id == incident.Id));
            db.ProcessDefinitions.Remove(db.ProcessDefinitions.Single(d => d.Id == "k:1"));
        });
        (await ReadAsync(async db => await db.Executions.CountAsync() + await db.Variables.CountAsync() + await db.EventSubscriptions.CountAsync()
            + await db.Incidents.CountAsync() + await db.ProcessDefinitions.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Task_and_candidates_insert_principal_first_get_generated_ids_and_cascade_on_delete()
    {
        var task = new TaskEntity
        {
            Id = Guid.NewGuid(), ProcessInstanceId = Guid.NewGuid(), ExecutionId = Guid.NewGuid(), ProcessDefinitionId = "p:1",
            ProcessDefinitionKey = "p", BusinessKey = "b", TaskDefinitionKey = "t", Name = "T", Assignee = "amy", CandidateUsers = "amy,bob",
            CandidateGroups = "g", DueDate = Local, FollowUpDate = null, Priority = 70, FormKey = "f", CreatedAt = Local,
        };
        var candidates = new[] { "g", "amy", "bob" }.Select(v => new TaskCandidateEntity
        {
            TaskId = task.Id, Kind = v == "g" ? "group" : "user", Value = v, DueOrder = Local.UtcTicks,
        }).ToList();
        await SaveAsync(db =>
        {
            db.TaskCandidates.AddRange(candidates); // added before their task: the writer still inserts the task first
            db.Tasks.Add(task);
        });
        candidates.Select(c => c.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(id => id > 0);
        (await ReadAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).Should().BeEquivalentTo(task);
        (await ReadAsync(db => db.TaskCandidates.AsNoTracking().Where(c => c.TaskId == task.Id).OrderBy(c => c.Id).ToListAsync()))
            .Should().BeEquivalentTo(candidates, o => o.WithStrictOrdering());

        await SaveAsync(db =>
        {
            var t = db.Tasks.Single(x => x.Id == task.Id);
            t.Assignee = null;
            t.DueDate = null;
        });
        var updated = await ReadAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        (updated.Assignee, updated.DueDate, updated.Priority).Should().Be((null, null, 70));

        await SaveAsync(db => db.Tasks.Remove(db.Tasks.Single(x => x.Id == task.Id)));
        (await ReadAsync(db => db.TaskCandidates.CountAsync())).Should().Be(0, "candidates go with their task (ON DELETE CASCADE)");
    }

    [Fact]
    public async Task Job_round_trips_and_stale_revision_is_refused_for_update_and_delete()
    {
        var job = new JobEntity
        {
            Id = Guid.NewGuid(), Kind = JobKind.Timer, ProcessInstanceId = Guid.NewGuid(), ExecutionId = Guid.NewGuid(), ActivityId = "timer",
            DueAt = Local, Cycle = "R3/PT1H", RepetitionsLeft = 2, Retries = 3, RetryCycle = "R3/PT5M", LockOwner = "n",
            LockExpiresAt = Local.AddMinutes(5), LastError = "e", CreatedAt = Local, Revision = 1,
        };
        await SaveAsync(db => db.Jobs.Add(job));
        (await ReadAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKind.Timer && j.DueAt <= Local))).Should().BeEquivalentTo(job);

        await using var stale = _h.OpenDb();
        var staleJob = await stale.Jobs.SingleAsync(j => j.Id == job.Id);
        await SaveAsync(db => db.Jobs.Single(j => j.Id == job.Id).Revision++);

        staleJob.Retries = 0;
        staleJob.Revision++;
        await FluentActions.Awaiting(() => EngineRowWriter.SaveAsync(stale, default)).Should().ThrowAsync<DbUpdateConcurrencyException>();
        stale.Jobs.Remove(staleJob);
        await FluentActions.Awaiting(() => EngineRowWriter.SaveAsync(stale, default)).Should().ThrowAsync<DbUpdateConcurrencyException>();
        var read = await ReadAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id));
        (read.Retries, read.Revision).Should().Be((3, 2L));

        await SaveAsync(db => db.Jobs.Remove(db.Jobs.Single(j => j.Id == job.Id)));
        (await ReadAsync(db => db.Jobs.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Stale_instance_revision_is_refused()
    {
        var id = Guid.NewGuid();
        await SaveAsync(db => db.ProcessInstances.Add(Instance(id)));
        await using var stale = _h.OpenDb();
        var staleInstance = await stale.ProcessInstances.SingleAsync(i => i.Id == id);
        await SaveAsync(db => db.ProcessInstances.Single(i => i.Id == id).Revision++);

        staleInstance.State = ProcessInstanceState.Terminated;
        staleInstance.Revision++;
        await FluentActions.Awaiting(() => EngineRowWriter.SaveAsync(stale, default)).Should().ThrowAsync<DbUpdateConcurrencyException>();
        (await ReadAsync(db => db.ProcessInstances.AsNoTracking().SingleAsync(i => i.Id == id))).State.Should().Be(ProcessInstanceState.Active);
    }
}
