using Reclamations.Engine.Api;

namespace Reclamations.Engine.Runtime;

/// <summary>Reader restrictions as stored (<c>ReaderGroups</c> columns): the group names between commas,
/// <c>,LegalPartner,Direction,</c>, so that "is group G among them" is <c>instr(ReaderGroups, ',G,')</c> in SQL. Null:
/// unrestricted; <c>,</c>: nobody but the engine (two restrictions without a common group).</summary>
public static class Readers
{
    /// <summary>The stored form of a list of groups; null when the list is empty (no restriction).</summary>
    public static string? Of(IReadOnlyCollection<string> groups) => groups.Count == 0 ? null : $",{string.Join(',', groups)},";

    /// <summary>Both restrictions hold: the groups common to both (a called instance keeps its own restriction and inherits its caller's).</summary>
    public static string? Both(string? first, string? second)
    {
        if (first is null) return second;
        if (second is null) return first;
        var common = Groups(first).Intersect(Groups(second), StringComparer.Ordinal).ToList();
        return common.Count == 0 ? "," : Of(common);
    }

    /// <summary>Whether <paramref name="actor"/> may read what <paramref name="readerGroups"/> restricts. The engine may.</summary>
    public static bool MayRead(Actor actor, string? readerGroups) =>
        readerGroups is null || actor.IsSystem || actor.Groups.Any(g => readerGroups.Contains($",{g},", StringComparison.Ordinal));

    /// <summary>The patterns an SQL filter looks for: <c>,G,</c> for each group of the actor.</summary>
    internal static List<string> Patterns(Actor actor) => actor.Groups.Select(g => $",{g},").ToList();

    public static IReadOnlyList<string> Groups(string readerGroups) => readerGroups.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
