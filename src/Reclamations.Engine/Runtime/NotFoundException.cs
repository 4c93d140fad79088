namespace Reclamations.Engine.Runtime;

/// <summary>The definition, instance, task or job named does not exist.</summary>
public sealed class NotFoundException(string message) : ProcessEngineException(message);
