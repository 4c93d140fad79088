using Reclamations.Engine.Api;

namespace Reclamations.Engine.Runtime;

public sealed partial class ProcessEngine
{
    /// <summary>Starts the latest version of a process at chosen activities instead of its none start event (Camunda 7's
    /// <c>createProcessInstanceByKey(...).startBeforeActivity(...)</c>), in one transaction with the caller's own writes like
    /// <see cref="StartProcessAsync(string, Func{EngineTransaction, Task{ProcessStart}}, Func{EngineTransaction, ProcessInstanceInfo, Task}?, Actor, CancellationToken)"/>:
    /// the process scope is entered (its event subprocesses armed), then each instruction (start before / after an
    /// activity, in order) places a token and the instance runs to its wait states. Same starter rule as any start; a
    /// cancel instruction or an unknown element refuses the whole start (nothing is written).</summary>
    public async Task<ProcessInstanceInfo> StartProcessAtAsync(string key, IReadOnlyList<ModificationInstruction> startInstructions,
        Func<EngineTransaction, Task<ProcessStart>> prepare, Func<EngineTransaction, ProcessInstanceInfo, Task>? started, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(startInstructions);
        if (startInstructions.Count == 0) throw new RejectedException("startInstructions: a start at chosen activities needs at least one.");
        var state = await _executor.ExecuteAsync(actor, async (ctx, runner) =>
        {
            var (definition, model) = await StartableAsync(ctx, key, actor, ct);
            var transaction = new EngineTransaction(ctx.Connection, ctx.Transaction, ctx.Now, ctx.Services);
            var start = await prepare(transaction);
            var instance = runner.StartInstanceWithoutToken(definition, model, start.BusinessKey, StartVariables(model, start.Variables));
            for (var i = 0; i < startInstructions.Count; i++)
            {
                var instruction = startInstructions[i];
                var where = $"startInstructions[{i}] ({instruction.Kind})";
                if (instruction.ActivityId is not { } nodeId || !model.NodesById.TryGetValue(nodeId, out var node))
                    throw new RejectedException($"{where}: process '{model.Id}' has no element '{instruction.ActivityId}'.");
                switch (instruction.Kind)
                {
                    case ModificationKind.StartBeforeActivity:
                        await runner.StartBeforeAsync(instance, node, null, instruction.Variables);
                        break;
                    case ModificationKind.StartAfterActivity:
                        await runner.StartAfterAsync(instance, node, null, instruction.Variables);
                        break;
                    default:
                        throw new RejectedException($"{where}: only start-before and start-after instructions start an instance.");
                }
                await runner.RunAsync();
            }
            if (started is not null) await started(transaction, Snapshot(instance));
            return instance;
        }, ct);
        return Snapshot(state);
    }
}
