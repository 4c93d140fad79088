namespace Reclamations.Domain.Studio;

/// <summary>A draft that does not exist (or was deleted meanwhile).</summary>
public sealed class ProcessDraftNotFoundException(Guid id) : Exception($"No draft '{id}'.");

/// <summary>A draft refused as given (a field naming what is wrong); nothing was stored.</summary>
public sealed class ProcessDraftValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A draft someone else owns: only its author (or an administrator) changes or deletes it.</summary>
public sealed class ProcessDraftForbiddenException(string message) : Exception(message);
