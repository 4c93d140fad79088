using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>Runs a command in one transaction: load, run the agenda to the next wait states, bump revisions, commit.
/// A lost race (the instance or job changed meanwhile) is a <see cref="ConflictException"/> and changes nothing.
/// A command past its step budget rolls back, then its incident is committed in a transaction of its own.</summary>
internal sealed class CommandExecutor(IDbContextFactory<EngineDbContext> dbFactory, EngineRuntime runtime,
    IServiceScopeFactory scopes, TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public async Task<T> ExecuteAsync<T>(Actor actor, Func<CommandContext, Runner, Task<T>> command, CancellationToken ct)
    {
        await runtime.WriteGate.WaitAsync(ct);
        try
        {
            try
            {
                return await RunAsync(actor, command, ct);
            }
            catch (StepBudgetExceededException budget)
            {
                await RunAsync(actor, (ctx, _) => RunawayIncidents.RecordAsync(ctx, budget, ct), ct);
                throw;
            }
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConflictException("The process instance was changed by someone else meanwhile; nothing was saved. Try again.", e);
        }
        finally
        {
            runtime.WriteGate.Release();
        }
    }

    private async Task<T> RunAsync<T>(Actor actor, Func<CommandContext, Runner, Task<T>> command, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ctx = new CommandContext(db, transaction, Time.GetUtcNow(), runtime, scope.ServiceProvider, actor);
        var runner = new Runner(ctx, ct);
        var result = await command(ctx, runner);
        await runner.RunAsync();
        foreach (var state in ctx.LoadedInstances)
            if (db.Entry(state.Instance).State != EntityState.Added) state.Instance.Revision++;
        await EngineRowWriter.SaveAsync(db, ct);
        await HistoryWriter.WriteAsync(db, ctx.PendingHistory, ct);
        await transaction.CommitAsync(ct);
        foreach (var action in ctx.AfterCommit) action();
        if (ctx.CreatedDueJob) runtime.SignalJobs();
        else if (ctx.EarliestJobDue is { } due) runtime.JobDue(due);
        return result;
    }
}
