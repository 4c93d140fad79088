using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;

namespace Reclamations.Domain.Tests.Letters;

/// <summary>The letter model: recourse from the profile's attributes and the stored dates, the person in charge by name.</summary>
public sealed class LetterModelBuilderTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static Complaint Complaint(string handler = "u-42") => new()
    {
        Reference = "REC-2026-00007",
        Subject = "frais de gestion",
        Complainant = new Complainant { Name = "Claire Martin", PostalAddress = "12 rue des Lilas\nL-1142 Luxembourg" },
        ProfileCode = "LU-CAA",
        Handler = handler,
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)),
        ResponseDueDate = new DateOnly(2026, 4, 1),
        ExternalRecourseFrom = new DateOnly(2026, 5, 31),
        ExternalRecourseUntil = new DateOnly(2027, 3, 2),
    };

    private sealed class OnePerson : IPersonDirectory
    {
        public LetterPerson? Find(string userId) => userId == "u-42" ? new LetterPerson("u-42", "Julie Roux", "Chargée de clientèle") : null;
    }

    private static IDictionary<string, object?> Part(Dictionary<string, object?> model, string name) => (IDictionary<string, object?>)model[name]!;

    [Fact]
    public void A_luxembourg_delay_letter_prints_the_seize_date_moved_by_the_delay_it_announces()
    {
        // Seed 004: « le délai d'introduction d'une procédure extrajudiciaire auprès du CAA … est prolongé d'autant ».
        var variables = new Dictionary<string, object?> { ["expectedDate"] = "2026-04-21", ["delayReasons"] = "Expertise" };

        var model = LetterModelBuilder.Build("information-delai", Complaint(), variables, LetterSamples.Firm, Paris, DeadlineProfiles.LuCaa, new OnePerson());

        Part(model, "recourse")["jurisdiction"].Should().Be("LU");
        Part(model, "recourse")["external_from"].Should().Be(new DateOnly(2026, 6, 20), "20 days later, as the answer moves");
        var text = LetterSamples.Renderer().Render("information-delai", model).PlainText;
        text.Should().Contain("prolongé d'autant").And.Contain("à partir du 20 juin 2026").And.NotContain("90 jours");
    }

    [Fact]
    public void Other_letters_print_the_stored_date_and_a_copied_profile_keeps_its_jurisdiction()
    {
        var copy = DeadlineProfiles.LuCaa with { Code = "CABINET-LU", Name = "Politique du cabinet" };

        var model = LetterModelBuilder.Build("reponse-defavorable", Complaint(), new Dictionary<string, object?>(), LetterSamples.Firm, Paris, copy,
            new OnePerson());

        Part(model, "recourse")["jurisdiction"].Should().Be("LU");
        Part(model, "recourse")["external_from"].Should().Be(new DateOnly(2026, 5, 31));
    }

    [Fact]
    public void The_person_in_charge_is_named_by_name_and_function_or_else_the_complaints_contact()
    {
        var known = Part(LetterModelBuilder.Build("cloture", Complaint(), new Dictionary<string, object?>(), LetterSamples.Firm, Paris,
            DeadlineProfiles.LuCaa, new OnePerson()), "handler");
        known["name"].Should().Be("Julie Roux");
        known["title"].Should().Be("Chargée de clientèle");

        var unknown = Part(LetterModelBuilder.Build("cloture", Complaint("someone-else"), new Dictionary<string, object?>(), LetterSamples.Firm, Paris,
            DeadlineProfiles.LuCaa, new OnePerson()), "handler");
        unknown["name"].Should().Be("Magali Rousseau");
        unknown["title"].Should().Be("Responsable réclamations");
    }
}
