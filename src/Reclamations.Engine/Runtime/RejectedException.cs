namespace Reclamations.Engine.Runtime;

/// <summary>A listener (or a rule) refused the command, with a reason meant for the user.</summary>
public sealed class RejectedException(string reason) : ProcessEngineException(reason);
