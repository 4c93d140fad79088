using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Tests.Letters;
using Reclamations.Domain.Workflow;

namespace Reclamations.Domain.Tests.Templates;

/// <summary>The declared model of the letters is what the model builder gives: nothing the builder sets is missing from it.</summary>
public sealed class LetterModelSchemaTests
{
    [Theory]
    [InlineData("FR-ACPR")]
    [InlineData("LU-CAA")]
    public void Every_variable_the_builder_gives_a_letter_is_declared(string profileCode)
    {
        var profile = DeadlineProfiles.ByCode(DeadlineProfiles.Defaults)[profileCode];
        var complaint = TemplateSamples.Complaint(profile);
        complaint.Representative = new Reclamations.Domain.Register.Representative { Name = "Maître Exemple", PostalAddress = "1 rue A\n75000 Paris" };
        complaint.AnswerCountersignedBy = "someone";
        complaint.Description = "Texte.";
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        foreach (var template in LetterTemplateStore.LoadFromDirectory(LetterSamples.TemplatesDirectory).TemplateNames)
        {
            var model = LetterModelBuilder.Build(template, complaint, TemplateSamples.Variables, LetterSamples.Firm, zone, profile,
                NoPersonDirectory.Instance);
            var declared = LetterModelSchema.For(template).Select(v => v.Path).ToHashSet();
            Paths(model, "").Should().OnlyContain(p => declared.Contains(p), template);
        }
    }

    private static IEnumerable<string> Paths(IReadOnlyDictionary<string, object?> values, string prefix) =>
        values.SelectMany(e => e.Value is IReadOnlyDictionary<string, object?> nested && nested.Count > 0
            ? Paths(nested, prefix + e.Key + ".")
            : [prefix + e.Key]);
}
