using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

public sealed partial class ProcessEngine
{
    /// <summary>How many instances one migration call may move (each in its own transaction).</summary>
    public const int MaxInstancesPerMigration = 500;

    /// <summary>Camunda 7's <c>createMigrationPlan(...).mapEqualActivities()</c>: every element of the source version mapped
    /// onto the element with the same id and kind in the target (an operator edits the list before validating).</summary>
    /// <exception cref="NotFoundException">A version does not exist.</exception>
    public async Task<MigrationPlan> CreateMigrationPlanAsync(string sourceDefinitionId, string targetDefinitionId, Actor actor,
        CancellationToken ct = default)
    {
        RequireMigrator(actor, "plan a migration");
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var (source, target) = (await ModelAsync(db, sourceDefinitionId, ct), await ModelAsync(db, targetDefinitionId, ct));
        return new MigrationPlan(sourceDefinitionId, targetDefinitionId, InstanceMigration.EqualActivities(source.Model, target.Model));
    }

    /// <summary>What <see cref="MigrateAsync"/> would do for each instance, changing nothing: the moves, the triggers the target
    /// arms anew, or the problems naming the elements that refuse it.</summary>
    public Task<IReadOnlyList<InstanceMigrationReport>> ValidateMigrationAsync(MigrationPlan plan, IReadOnlyList<Guid> instanceIds, Actor actor,
        CancellationToken ct = default) => RunMigrationAsync(plan, instanceIds, actor, execute: false, ct);

    /// <summary>Camunda 7's migration: each instance of the plan's source version moves onto the target version in its own
    /// transaction (an instance refused by the plan stays as it was, the others move), with a history row
    /// <c>ProcessInstanceMigrated</c>. Instances keep their variables, tasks (and their assignees), timers' dates and messages;
    /// the target's new boundary events and event subprocess starts on what they wait in are armed.</summary>
    /// <exception cref="ForbiddenException">The actor is neither an operator nor in <see cref="EngineOptions.MigratorGroups"/>.</exception>
    /// <exception cref="NotFoundException">A version or an instance does not exist.</exception>
    public Task<IReadOnlyList<InstanceMigrationReport>> MigrateAsync(MigrationPlan plan, IReadOnlyList<Guid> instanceIds, Actor actor,
        CancellationToken ct = default) => RunMigrationAsync(plan, instanceIds, actor, execute: true, ct);

    private async Task<IReadOnlyList<InstanceMigrationReport>> RunMigrationAsync(MigrationPlan plan, IReadOnlyList<Guid> instanceIds,
        Actor actor, bool execute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(instanceIds);
        RequireMigrator(actor, "migrate process instances");
        if (instanceIds.Count == 0) throw new RejectedException("processInstanceIds: name the instances to migrate.");
        if (instanceIds.Count > MaxInstancesPerMigration)
            throw new RejectedException($"processInstanceIds: at most {MaxInstancesPerMigration} instances per call ({instanceIds.Count} given).");
        if (plan.Instructions.Count > MaxInstancesPerMigration * 2)
            throw new RejectedException($"instructions: at most {MaxInstancesPerMigration * 2} ({plan.Instructions.Count} given).");
        var reports = new List<InstanceMigrationReport>();
        foreach (var id in instanceIds.Distinct())
        {
            InstanceMigrationReport? report = null;
            try
            {
                await _executor.ExecuteAsync(actor, async (ctx, runner) =>
                {
                    var (_, sourceModel) = await ModelAsync(ctx.Db, plan.SourceProcessDefinitionId, ct);
                    var (target, targetModel) = await ModelAsync(ctx.Db, plan.TargetProcessDefinitionId, ct);
                    var state = await ctx.LoadInstanceAsync(id, ct);
                    var incidents = await ctx.Db.Incidents.Where(i => i.ProcessInstanceId == id && i.ResolvedAt == null).ToListAsync(ct);
                    var (map, problems) = InstanceMigration.Check(state, sourceModel, targetModel, plan, incidents.Select(i => i.ActivityId));
                    var moves = Waiting(state).Where(map.ContainsKey).Select(a => new MigrationInstruction(a, map[a])).ToList();
                    if (problems.Count > 0 || !execute)
                    {
                        report = new(id, false, moves, execute ? [] : NewTriggers(state, targetModel, map), problems);
                        if (problems.Count > 0 && execute) throw new MigrationRefusedException();
                        return false;
                    }
                    var armed = runner.Migrate(state, target, targetModel, map, incidents);
                    report = new(id, true, moves, armed, []);
                    return true;
                }, ct);
            }
            catch (MigrationRefusedException)
            {
                // Nothing of the refused instance was written; its report names why.
            }
            reports.Add(report!);
        }
        return reports;
    }

    private static IEnumerable<string> Waiting(InstanceState state) =>
        state.Executions.Where(e => e.ParentId is not null).Select(e => e.ActivityId)
            .Concat(state.Jobs.Select(j => j.ActivityId)).Concat(state.Subscriptions.Select(s => s.ActivityId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The triggers the target adds on what the instance waits in (for the validation's preview: the executions are
    /// seen with their mapped ids, nothing is changed).</summary>
    private static List<string> NewTriggers(InstanceState state, ProcessModel target, IReadOnlyDictionary<string, string> map)
    {
        var mapped = state.Executions.Where(e => map.ContainsKey(e.ActivityId))
            .Select(e => new ExecutionEntity { Id = e.Id, ProcessInstanceId = e.ProcessInstanceId, ParentId = e.ParentId,
                ActivityId = map[e.ActivityId], LoopCounter = e.LoopCounter });
        return Runner.NewTriggers(mapped, state.Jobs, state.Subscriptions, target, map).Select(t => t.ActivityId)
            .Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Refuses (and logs) an actor that is neither an operator nor a migrator.</summary>
    private void RequireMigrator(Actor actor, string what)
    {
        if (actor.InAnyGroup(_runtime.Options.MigratorGroups)) return;
        RequireOperator(actor, what);
    }

    /// <summary>The running instances of one deployed version (oldest first, at most <paramref name="maxResults"/>), with
    /// what each waits in; instances the <paramref name="reader"/> may not read are left out. For migrators and operators.</summary>
    /// <exception cref="NotFoundException">The version does not exist.</exception>
    public async Task<IReadOnlyList<RunningInstanceInfo>> GetRunningInstancesAsync(string definitionId, Actor reader, int maxResults = MaxInstancesPerMigration,
        CancellationToken ct = default)
    {
        RequireMigrator(reader, "list the instances to migrate");
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        if (!await db.ProcessDefinitions.AnyAsync(d => d.Id == definitionId, ct))
            throw new NotFoundException($"Process definition '{definitionId}' does not exist.");
        var instances = await db.ProcessInstances.AsNoTracking()
            .Where(i => i.DefinitionId == definitionId && i.State == ProcessInstanceState.Active)
            .OrderBy(i => i.StartedAt).ToListAsync(ct);
        var readable = instances.Where(i => Readers.MayRead(reader, i.ReaderGroups)).Take(Math.Clamp(maxResults, 1, 1000)).ToList();
        var ids = readable.Select(i => i.Id).ToList();
        var executions = await db.Executions.AsNoTracking().Where(e => ids.Contains(e.ProcessInstanceId)).ToListAsync(ct);
        return readable.Select(i =>
        {
            var own = executions.Where(e => e.ProcessInstanceId == i.Id).ToList();
            var active = own.Where(e => e.ParentId is not null && !own.Any(c => c.ParentId == e.Id))
                .Select(e => e.ActivityId).Distinct().Order(StringComparer.Ordinal).ToList();
            return new RunningInstanceInfo(i.Id, i.BusinessKey, i.StartedAt, active, i.IsSuspended);
        }).ToList();
    }

    private async Task<(ProcessDefinitionEntity Definition, ProcessModel Model)> ModelAsync(EngineDbContext db, string definitionId,
        CancellationToken ct)
    {
        var definition = await db.ProcessDefinitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == definitionId, ct)
            ?? throw new NotFoundException($"Process definition '{definitionId}' does not exist.");
        return (definition, await _runtime.Definitions.GetModelAsync(db, definitionId, ct));
    }

    /// <summary>Rolls back a refused instance's command (its report is already made).</summary>
    private sealed class MigrationRefusedException : Exception;
}
