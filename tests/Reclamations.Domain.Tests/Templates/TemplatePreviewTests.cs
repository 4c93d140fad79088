using Reclamations.Domain.Register;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Templates;

/// <summary>The studio's preview: an edited text rendered from the sample complaint of a chosen profile, or from an anonymised
/// copy of a real complaint (its dates and subject kept, the complainant's name and address replaced); a shared part is shown
/// in a letter that includes it.</summary>
public sealed class TemplatePreviewTests
{
    [Fact]
    public async Task A_complaint_is_previewed_anonymised_on_its_own_profile()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(profile: "LU-CAA"), "sophie");
        var body = (await studio.Editor.CurrentAsync("accuse-reception")).Source;

        var preview = await studio.Editor.PreviewAsync("accuse-reception", body, complaintReference: complaint.Reference);

        preview.Problems.Should().BeEmpty();
        preview.Profile.Should().Be("LU-CAA");
        var html = System.Net.WebUtility.HtmlDecode(preview.Html);
        html.Should().Contain(complaint.Reference).And.Contain(TemplateSamples.AnonymousName).And.NotContain(complaint.Complainant.Name)
            .And.NotContain("rue des Lilas");
    }

    [Fact]
    public async Task A_shared_part_is_previewed_in_a_letter_that_includes_it_and_an_unknown_complaint_is_named()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var body = (await studio.Editor.CurrentAsync("_partials.recourse-final")).Source.Replace("position définitive", "position finale",
            StringComparison.Ordinal);

        var preview = await studio.Editor.PreviewAsync("_partials.recourse-final", body, profileCode: "FR-ACPR");
        var unknown = () => studio.Editor.PreviewAsync("accuse-reception", body, complaintReference: "REC-1999-00001");

        preview.Letter.Should().Be("reponse-second-niveau");
        System.Net.WebUtility.HtmlDecode(preview.Html).Should().Contain("position finale");
        (await unknown.Should().ThrowAsync<ComplaintNotFoundException>()).WithMessage("*REC-1999-00001*");
    }
}
