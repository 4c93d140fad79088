
namespace Reclamations.Domain.Tests.Letters;

/// <summary>Issue 9, letters printing the countersignature (seed 004: « signé par le courtier/sous courtier et le Responsable
/// Réclamations ») and naming the second level after the profile's group, not its jurisdiction.</summary>
public sealed class LetterCountersignAndSecondLevelTests
{
    private static Dictionary<string, object?> WithSecondLevel(string jurisdiction, string group)
    {
        var model = LetterSamples.CompleteModel(jurisdiction);
        ((Dictionary<string, object?>)model["recourse"]!)["second_level"] = group;
        return model;
    }

    [Fact]
    public void A_french_profile_whose_second_level_is_direction_names_direction_not_the_complaints_officer()
    {
        var text = LetterSamples.Renderer().Render("reponse-defavorable", WithSecondLevel("FR", "Direction")).PlainText;
        text.Should().Contain("revue par la Direction de Cabinet Exemple Courtage").And.NotContain("demander un nouvel examen de votre réclamation à")
            .And.Contain("La Médiation de l'Assurance", "the external route still follows the jurisdiction");
        var second = LetterSamples.Renderer().Render("reponse-second-niveau", WithSecondLevel("FR", "Direction")).PlainText;
        second.Should().Contain("nouvel examen par la Direction de Cabinet Exemple Courtage");
    }

    [Fact]
    public void A_luxembourg_profile_whose_second_level_is_the_complaints_officer_names_the_officer()
    {
        var text = LetterSamples.Renderer().Render("reponse-immediate", WithSecondLevel("LU", "ComplaintsOfficer")).PlainText;
        text.Should().Contain("demander un nouvel examen de votre réclamation à").And.NotContain("revue par la Direction");
    }

    [Fact]
    public void A_countersigned_answer_prints_the_countersigner_by_name_and_function_and_an_uncountersigned_one_does_not()
    {
        var model = LetterSamples.CompleteModel("LU");
        model["countersigned_by"] = new Dictionary<string, object?> { ["name"] = "Philippe Burdeyron", ["title"] = "Responsable Réclamations" };
        LetterSamples.Renderer().Render("reponse-defavorable", model).PlainText
            .Should().Contain("Contresigné par Philippe Burdeyron, Responsable Réclamations");
        LetterSamples.Renderer().Render("reponse-defavorable", LetterSamples.CompleteModel("LU")).PlainText
            .Should().NotContain("Contresigné");
    }
}
