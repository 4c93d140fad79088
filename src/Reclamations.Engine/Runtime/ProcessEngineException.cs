namespace Reclamations.Engine.Runtime;

/// <summary>Base of the engine's errors; a failed command changes nothing.</summary>
public class ProcessEngineException(string message, Exception? inner = null) : Exception(message, inner);
