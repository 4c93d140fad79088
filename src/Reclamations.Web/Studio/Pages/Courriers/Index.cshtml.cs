using Microsoft.AspNetCore.Mvc.RazorPages;
using Reclamations.Domain.Templates;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Studio.Pages.Courriers;

/// <summary>Studio, Courriers: every letter template and shared part with the version in force (0: the file of
/// <c>templates/</c>), who saved it and when.</summary>
public sealed class IndexModel(TemplateEditor editor, UserDirectory users) : PageModel
{
    public IReadOnlyList<TemplateEditor.Entry> Templates { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Templates = await editor.ListAsync(ct);
        Names = await users.NamesAsync(ct);
    }

    public string NameOf(string? user) => user is null ? "" : Names.GetValueOrDefault(user, user);
}
