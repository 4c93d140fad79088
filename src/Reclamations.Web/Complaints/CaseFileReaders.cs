using Reclamations.Domain.Register;

namespace Reclamations.Web.Complaints;

/// <summary>A case file as one reader may see it: the letters and the audit rows of a restricted step (the litigation
/// branch's letters to insurer and counsel, its details) are left out for readers outside that step's reader groups — one
/// mechanism, the reader groups stored on the letter and on the audit row —, and the complaint's litigation details
/// (insurer's claim reference, counsel, outcome) are blanked (<see cref="LitigationDetails"/>); its status and litigation
/// dates stay. The one place the pages, the API and the exports filter a case file.</summary>
public static class CaseFileReaders
{
    public static ComplaintCaseFile For(ComplaintCaseFile file, IReadOnlySet<string> groups)
    {
        ArgumentNullException.ThrowIfNull(file);
        var complaint = LitigationDetails.For(file.Complaint, groups);
        if (ReferenceEquals(complaint, file.Complaint) && file.Letters.All(l => l.ReadableBy(groups)) && file.Audit.All(a => a.ReadableBy(groups)))
            return file;
        return file with
        {
            Complaint = complaint,
            Letters = file.Letters.Where(l => l.ReadableBy(groups)).ToList(),
            Audit = file.Audit.Where(a => a.ReadableBy(groups)).ToList(),
        };
    }
}
