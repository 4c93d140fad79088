using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Tests.Letters;
using Reclamations.Domain.Tests.Support;
using Reclamations.Domain.Workflow;

namespace Reclamations.Domain.Tests.Templates;

/// <summary>The studio's services on a real database: the shipped templates as defaults, the catalog of the versions in force,
/// the letter writer reading it, and the editor.</summary>
internal sealed class TemplateStudio
{
    public TemplateStudio(DomainDatabase database, params DeadlineProfile[] extraProfiles)
    {
        Profiles = new DeadlineProfileCatalog();
        Profiles.Replace([.. DeadlineProfiles.Defaults, .. extraProfiles]);
        var defaults = LetterTemplateStore.LoadFromDirectory(LetterSamples.TemplatesDirectory);
        Catalog = new LetterTemplateCatalog(database.Factory, defaults);
        var settings = new LetterSettingsStore(database.Factory, database.Clock, LetterSamples.Firm);
        Writer = new LetterWriter(new LetterRenderer(defaults, LetterSamples.Firm, MediatorSettings.Default, database.Clock), LetterSamples.Firm,
            new MailOptions { From = "reclamations@exemple-courtage.fr" }, settings, Profiles, new LetterReleaseOptions(RequireCompleteIdentity: false),
            templates: Catalog);
        Editor = new TemplateEditor(Catalog, Writer, settings, Profiles, database.Factory, database.Clock);
    }

    public DeadlineProfileCatalog Profiles { get; }

    public LetterTemplateCatalog Catalog { get; }

    public LetterWriter Writer { get; }

    public TemplateEditor Editor { get; }

    /// <summary>The text in force of a key with one exact piece replaced (the test fails if the piece is not there).</summary>
    public async Task<string> EditedAsync(string key, string piece, string replacement)
    {
        var source = (await Editor.CurrentAsync(key)).Source;
        source.Should().Contain(piece, $"the shipped {key} has it");
        return source.Replace(piece, replacement, StringComparison.Ordinal);
    }
}
