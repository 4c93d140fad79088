namespace Reclamations.Domain.Letters;

/// <summary>The firm's people by user id, so that a letter names the person in charge by name and function rather than by
/// id. Implemented by the host over its accounts (the domain does not know them).</summary>
public interface IPersonDirectory
{
    /// <summary>The person with this user id, or null when there is none.</summary>
    LetterPerson? Find(string userId);
}

/// <summary>A person as letters name them: <paramref name="Name"/> and <paramref name="JobTitle"/> (function).</summary>
public sealed record LetterPerson(string Id, string Name, string? JobTitle);

/// <summary>No directory: every user id is unknown (letters then name the firm's complaints contact).</summary>
public sealed class NoPersonDirectory : IPersonDirectory
{
    public static NoPersonDirectory Instance { get; } = new();

    public LetterPerson? Find(string userId) => null;
}
