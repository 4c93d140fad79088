namespace Reclamations.Engine.Api;

/// <summary>Who runs a command: a user id with the groups (roles) that user holds, or the engine itself
/// (<see cref="System"/>: the job executor, start-up deployment). The engine's authorisation rules compare
/// an actor with a task's assignee and candidates, a definition's starters and the configured role lists.</summary>
public sealed record Actor
{
    /// <summary>The id recorded in history for what the engine does by itself.</summary>
    public const string SystemId = "system";

    public Actor(string id, IEnumerable<string>? groups = null)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An actor needs a user id.", nameof(id));
        if (IsReserved(id)) throw new ArgumentException($"'{id}' is reserved for the engine itself (Actor.System).", nameof(id));
        Id = id;
        Groups = new HashSet<string>(groups ?? [], StringComparer.Ordinal);
    }

    private Actor() => (Id, Groups, IsSystem) = (SystemId, new HashSet<string>(StringComparer.Ordinal), true);

    /// <summary>The engine itself; not a user, never a candidate, allowed what the engine does on its own.</summary>
    public static Actor System { get; } = new();

    public string Id { get; }

    public IReadOnlySet<string> Groups { get; }

    public bool IsSystem { get; }

    /// <summary>Whether <paramref name="id"/> would read as the engine in history ("system", any case): no user may have it.</summary>
    public static bool IsReserved(string id) => string.Equals(id.Trim(), SystemId, StringComparison.OrdinalIgnoreCase);

    public bool InGroup(string group) => Groups.Contains(group);

    public bool InAnyGroup(IEnumerable<string> groups) => groups.Any(Groups.Contains);

    public override string ToString() => IsSystem ? SystemId : $"{Id} [{string.Join(", ", Groups)}]";
}
