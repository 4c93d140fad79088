namespace Reclamations.Engine.Handlers;

/// <summary>Maps a name used in BPMN (topic or listener name) to a handler type resolved from DI.</summary>
public sealed record HandlerRegistration(string Name, Type HandlerType, HandlerKind Kind);

public enum HandlerKind { ServiceTask, ExecutionListener, TaskListener }
