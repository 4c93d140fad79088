namespace Reclamations.Engine.Runtime;

/// <summary>The command lost a race or acts on something already done (a completed task, a claimed task).</summary>
public sealed class ConflictException(string message, Exception? inner = null) : ProcessEngineException(message, inner);
