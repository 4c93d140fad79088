using Reclamations.Domain.Documents;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;
using Reclamations.Domain.Workflow;

namespace Reclamations.Domain.Tests.Letters;

/// <summary>The task page's letter preview (<see cref="LetterWriter.PreviewAsync"/>) is the letter <see cref="LetterWriter.Write"/>
/// keeps and sends for the same complaint and variables; a value still missing fails naming it, as sending would.</summary>
public sealed class LetterPreviewTests
{
    private static LetterWriter Writer(DomainDatabase database) => new(
        new LetterRenderer(LetterTemplateStore.LoadFromDirectory(LetterSamples.TemplatesDirectory), LetterSamples.Firm,
            MediatorSettings.Default, database.Clock),
        LetterSamples.Firm, new MailOptions { From = "reclamations@exemple-courtage.fr" },
        new LetterSettingsStore(database.Factory, database.Clock, LetterSamples.Firm), new Reclamations.Domain.Deadlines.DeadlineProfileCatalog(),
        new LetterReleaseOptions(RequireCompleteIdentity: false), new Persons());

    /// <summary>The firm's people as the letters name them (the handler of <see cref="Complaints.Valid"/> among them).</summary>
    private sealed class Persons : IPersonDirectory
    {
        public LetterPerson? Find(string userId) => new(userId, $"Personne {userId}", "Chargée de clientèle");
    }

    [Fact]
    public async Task The_preview_is_the_letter_then_written_for_the_same_inputs()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var writer = Writer(database);
        var variables = new Dictionary<string, object?>
        {
            ["answerSummary"] = "Les frais figuraient dans la notice remise le 3 janvier.\n\nNous maintenons notre position.",
            ["meetingDate"] = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)),
        };

        var preview = await writer.PreviewAsync(complaint, "reponse-defavorable", variables);
        SentLetter sent;
        await using (var db = database.Open())
        {
            sent = writer.Write(db, complaint, "reponse-defavorable", variables, "complainant", complaint.Complainant.Email,
                database.Clock.GetUtcNow(), "sophie");
            await db.SaveChangesAsync();
        }

        preview.Html.Should().Be(sent.Html);
        preview.PlainText.Should().Be(sent.PlainText);
        preview.Subject.Should().Be(sent.Subject);
        preview.PlainText.Should().Contain("Les frais figuraient dans la notice remise le 3 janvier.").And.Contain("4 mars 2026");
    }

    [Fact]
    public async Task An_edited_free_text_appears_in_the_preview_escaped()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var writer = Writer(database);

        var first = await writer.PreviewAsync(complaint, "offre-reglement", new Dictionary<string, object?> { ["offerText"] = "Remboursement des frais.", ["offerAmount"] = 150L });
        var edited = await writer.PreviewAsync(complaint, "offre-reglement", new Dictionary<string, object?> { ["offerText"] = "Geste commercial <b>exceptionnel</b>.", ["offerAmount"] = 150L });

        first.PlainText.Should().Contain("Remboursement des frais.");
        edited.PlainText.Should().Contain("Geste commercial <b>exceptionnel</b>.").And.NotContain("Remboursement des frais.");
        edited.Html.Should().Contain("Geste commercial &lt;b&gt;exceptionnel&lt;/b&gt;.");
    }

    [Fact]
    public async Task A_missing_free_text_fails_the_preview_naming_the_value()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");

        var act = () => Writer(database).PreviewAsync(complaint, "reponse-defavorable", new Dictionary<string, object?>());

        (await act.Should().ThrowAsync<LetterRenderException>()).Which.VariableName.Should().Be("answer_text");
    }
}
