namespace Reclamations.Engine.Runtime;

/// <summary>The acting user may not do this (HTTP 403); nothing was changed.</summary>
public sealed class ForbiddenException(string message) : ProcessEngineException(message);
