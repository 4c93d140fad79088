namespace Reclamations.Domain.Register;

/// <summary>The litigation's details on a complaint (insurer's claim reference, counsel, outcome) are for the litigation
/// branch's readers only (LegalPartner, Direction: the <c>readerGroups</c> of workflows/litigation.bpmn, stored on the
/// complaint when the details are recorded); its status and dates are for every reader of the register. The one place the
/// register, the case file and the exports hide them.</summary>
public static class LitigationDetails
{
    /// <summary>The readers when no step named them (the litigation branch's own groups).</summary>
    public static readonly IReadOnlyList<string> DefaultReaderGroups = ["LegalPartner", "Direction"];

    /// <summary>The groups that may read <paramref name="complaint"/>'s litigation details.</summary>
    public static IReadOnlyList<string> ReaderGroupsOf(Complaint complaint) =>
        complaint.LitigationReaderGroups is { Length: > 0 } stored
            ? stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : DefaultReaderGroups;

    /// <summary>Whether a reader holding <paramref name="groups"/> may read the litigation details of <paramref name="complaint"/>.</summary>
    public static bool ReadableBy(Complaint complaint, IEnumerable<string> groups) =>
        groups.Any(g => ReaderGroupsOf(complaint).Contains(g, StringComparer.Ordinal));

    /// <summary>Whether a reader holding <paramref name="groups"/> is among the litigation's default readers (the register's
    /// litigation columns are theirs).</summary>
    public static bool ReaderOfLitigation(IEnumerable<string> groups) =>
        groups.Any(g => DefaultReaderGroups.Contains(g, StringComparer.Ordinal));

    /// <summary><paramref name="complaint"/> as a reader holding <paramref name="groups"/> may see it: the same object when
    /// they may read the details, else a copy without them.</summary>
    public static Complaint For(Complaint complaint, IEnumerable<string> groups)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (ReadableBy(complaint, groups)) return complaint;
        if (complaint.LitigationClaimReference is null && complaint.LitigationCounsel is null && complaint.LitigationOutcome is null)
            return complaint;
        var copy = complaint.Copy();
        copy.LitigationClaimReference = null;
        copy.LitigationCounsel = null;
        copy.LitigationOutcome = null;
        return copy;
    }
}
