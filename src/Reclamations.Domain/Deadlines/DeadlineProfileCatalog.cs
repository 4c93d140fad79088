namespace Reclamations.Domain.Deadlines;

/// <summary>The deadline profiles in force, by code: read by the workflow's expression functions on every
/// evaluation, replaced whole when a process owner edits a profile.</summary>
public sealed class DeadlineProfileCatalog
{
    private volatile IReadOnlyDictionary<string, DeadlineProfile> _profiles = DeadlineProfiles.ByCode(DeadlineProfiles.Defaults);

    public IReadOnlyDictionary<string, DeadlineProfile> Current => _profiles;

    public void Replace(IEnumerable<DeadlineProfile> profiles) => _profiles = DeadlineProfiles.ByCode(profiles);

    public DeadlineProfile Get(string code) =>
        _profiles.TryGetValue(code, out var profile)
            ? profile
            : throw new ArgumentException($"Profil de délais inconnu : « {code} ».", nameof(code));
}
