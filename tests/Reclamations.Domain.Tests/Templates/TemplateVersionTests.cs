using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Register;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Templates;

/// <summary>Templates edited in the studio: the version in force is the latest saved, else the file; a letter is rendered with
/// the version current when it is rendered and records it; a letter written before an edit stays as it was.</summary>
public sealed class TemplateVersionTests
{
    private const string Sentence = "Nous accusons réception de votre réclamation";

    [Fact]
    public async Task The_file_is_version_zero_until_an_edit_is_saved_then_the_latest_version_is_in_force()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        (await studio.Editor.CurrentAsync("accuse-reception")).Version.Should().Be(0);

        var first = await studio.EditedAsync("accuse-reception", "<p>{{ complainant.salutation }},</p>", "<p>{{ complainant.salutation }},</p>\n  <p>Version un.</p>");
        (await studio.Editor.SaveAsync("accuse-reception", first, "Première retouche", "owner")).Version.Should().Be(1);
        var second = first.Replace("Version un.", "Version deux.", StringComparison.Ordinal);
        (await studio.Editor.SaveAsync("accuse-reception", second, "Seconde retouche", "owner")).Version.Should().Be(2);

        var current = await studio.Editor.CurrentAsync("accuse-reception");
        current.Version.Should().Be(2);
        current.Source.Should().Be(second);
        (await studio.Catalog.SourceAsync("accuse-reception", 1)).Should().Be(first);
        (await studio.Catalog.SourceAsync("accuse-reception", 0)).Should().Be(studio.Catalog.Defaults.Get("accuse-reception").Source);
        (await studio.Catalog.VersionsAsync("accuse-reception")).Select(v => (v.Version, v.Author, v.Comment))
            .Should().Equal((2, "owner", "Seconde retouche"), (1, "owner", "Première retouche"));
        (await studio.Editor.ListAsync()).Single(e => e.Key == "cloture").Version.Should().Be(0, "an unedited letter stays on its file");
    }

    [Fact]
    public async Task An_edited_shared_part_is_what_every_letter_includes()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var footer = await studio.EditedAsync("_partials.footer", "</body>", "<p>Pied de page retouché.</p>\n</body>");
        await studio.Editor.SaveAsync("_partials.footer", footer, "Pied de page", "owner");

        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var letter = await studio.Writer.PreviewAsync(complaint, "cloture", new Dictionary<string, object?>());

        letter.PlainText.Should().Contain("Pied de page retouché.");
    }

    [Fact]
    public async Task A_letter_records_its_version_and_a_letter_written_before_an_edit_never_changes()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        Guid before;
        await using (var db = database.Open())
        {
            before = studio.Writer.Write(db, complaint, "accuse-reception", new Dictionary<string, object?>(), "complainant",
                complaint.Complainant.Email, database.Clock.GetUtcNow(), "sophie").Id;
            await db.SaveChangesAsync();
        }
        var original = await Letter(database, before);

        var edited = await studio.EditedAsync("accuse-reception", Sentence, "Nous avons bien reçu votre réclamation");
        await studio.Editor.SaveAsync("accuse-reception", edited, "Formule plus simple", "owner");
        Guid after;
        await using (var db = database.Open())
        {
            after = studio.Writer.Write(db, complaint, "accuse-reception", new Dictionary<string, object?>(), "complainant",
                complaint.Complainant.Email, database.Clock.GetUtcNow(), "sophie").Id;
            await db.SaveChangesAsync();
        }

        var kept = await Letter(database, before);
        kept.TemplateVersion.Should().Be(0);
        kept.Html.Should().Be(original.Html).And.Contain(Sentence);
        kept.Sha256.Should().Be(original.Sha256);
        var written = await Letter(database, after);
        written.TemplateVersion.Should().Be(1);
        written.Html.Should().Contain("Nous avons bien reçu votre réclamation").And.NotContain(Sentence);
    }

    private static async Task<Reclamations.Domain.Documents.SentLetter> Letter(DomainDatabase database, Guid id)
    {
        await using var db = database.Open();
        return await db.SentLetters.AsNoTracking().SingleAsync(l => l.Id == id);
    }
}
