using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

internal sealed partial class Runner
{
    /// <summary>A new instance whose process scope is entered (variables set, event subprocesses armed) but with no token
    /// yet: the caller places its tokens with <see cref="StartBeforeAsync"/> / <see cref="StartAfterAsync"/> (Camunda 7's
    /// <c>startBeforeActivity</c> on instantiation).</summary>
    /// <param name="caller">The calling instance of a call activity (the new one inherits its legal hold and reader groups).</param>
    public InstanceState StartInstanceWithoutToken(ProcessDefinitionEntity definition, ProcessModel model, string? businessKey,
        IReadOnlyDictionary<string, object?>? variables, InstanceState? caller = null, ExecutionEntity? callerExecution = null,
        IReadOnlyDictionary<string, object?>? eventVariables = null)
    {
        var instance = new ProcessInstanceEntity
        {
            Id = EngineIds.New(),
            DefinitionId = definition.Id,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            BusinessKey = businessKey,
            State = ProcessInstanceState.Active,
            StartedAt = ctx.Now,
            SuperExecutionId = callerExecution?.Id,
            SuperProcessInstanceId = caller?.Id,
            LegalHold = caller?.Instance.LegalHold ?? false,
            ReaderGroups = Readers.Both(caller?.Instance.ReaderGroups, Readers.Of(model.ReaderGroups)),
        };
        ctx.Db.ProcessInstances.Add(instance);
        var state = new InstanceState(instance, model);
        ctx.Track(state);
        var root = NewExecution(state, null, model.Id);
        ctx.History(state, "ProcessStarted", model.Id, "process", root.Id, details: businessKey);
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>()) ctx.SetVariable(state, root, name, value);
        foreach (var (name, value) in eventVariables ?? new Dictionary<string, object?>()) ctx.SetVariable(state, root, name, value);
        EnterScope(state, root, model);
        return state;
    }
}
