using Reclamations.Domain.Register;

namespace Reclamations.Web.Complaints;

/// <summary>A case file as one reader may see it: the letters of a restricted step (the litigation branch's letters to
/// insurer and counsel) and the audit rows that record them are left out for readers outside that step's reader groups.
/// The one place the pages and the API filter a case file.</summary>
public static class CaseFileReaders
{
    public static ComplaintCaseFile For(ComplaintCaseFile file, IReadOnlySet<string> groups)
    {
        var hidden = file.Letters.Where(l => !l.ReadableBy(groups)).ToList();
        if (hidden.Count == 0) return file;
        var hiddenTemplates = hidden.Select(l => l.TemplateName).ToHashSet(StringComparer.Ordinal);
        return file with
        {
            Letters = file.Letters.Where(l => l.ReadableBy(groups)).ToList(),
            Audit = file.Audit.Where(a => !hiddenTemplates.Any(t => a.Action.EndsWith(": " + t, StringComparison.Ordinal))).ToList(),
        };
    }
}
