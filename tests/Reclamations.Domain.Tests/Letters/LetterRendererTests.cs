using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Tests.Letters;

public sealed class LetterRendererTests
{
    public static TheoryData<string, string> TemplatesAndProfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in LetterTemplateStore.LoadFromDirectory(LetterSamples.TemplatesDirectory).TemplateNames)
        {
            data.Add(name, "FR");
            data.Add(name, "LU");
        }

        return data;
    }

    [Fact]
    public void Ships_the_fourteen_letters()
    {
        LetterSamples.Renderer().TemplateNames.Should().BeEquivalentTo(
            "accuse-reception", "reponse-immediate", "demande-non-reclamation", "invitation-ecrit",
            "information-delai", "offre-reglement", "reponse-defavorable", "reponse-second-niveau",
            "declaration-assureur-rcp", "saisine-avocat", "cloture", "copie-formulaire",
            "information-declaration-sinistre", "issue-contentieux");
    }

    [Theory]
    [MemberData(nameof(TemplatesAndProfiles))]
    public void Every_template_renders_with_a_complete_model(string template, string jurisdiction)
    {
        var letter = LetterSamples.Renderer().Render(template, LetterSamples.CompleteModel(jurisdiction));

        letter.Subject.Should().Contain("REC-2026-0042");
        letter.Html.Should().Contain("Cabinet Exemple Courtage").And.Contain("REC-2026-0042").And.Contain("Julien Petit");
        letter.Html.Should().Contain("14 mai 2026", "the letter is dated today in the firm's time zone");
        letter.PlainText.Should().Contain("REC-2026-0042").And.NotContain("<").And.NotContain("{{");
    }

    [Fact]
    public void Acknowledgement_says_how_it_is_handled_the_deadline_and_who_is_in_charge()
    {
        var letter = LetterSamples.Renderer().Render("accuse-reception", LetterSamples.CompleteModel());

        letter.PlainText.Should().Contain("Nous accusons réception de votre réclamation du 2 mai 2026, reçue le 4 mai 2026")
            .And.Contain("examinée de manière impartiale")
            .And.Contain("au plus tard le 2 juillet 2026")
            .And.Contain("Julien Petit, Gestionnaire réclamations")
            .And.Contain("j.petit@exemple-courtage.fr")
            .And.Contain("03 83 00 00 01");
    }

    [Fact]
    public void French_rejection_gives_the_second_level_and_the_insurance_mediator()
    {
        var text = LetterSamples.Renderer().Render("reponse-defavorable", LetterSamples.CompleteModel("FR")).PlainText;

        text.Should().Contain("Magali Rousseau")
            .And.Contain("La Médiation de l'Assurance, Pôle CSCA, TSA 50110, 75441 Paris Cedex 09")
            .And.Contain("www.mediation-assurance.org")
            .And.Contain("le.mediateur@mediation-assurance.org")
            .And.Contain("deux mois après l'envoi de votre première réclamation écrite (le 2 mai 2026), soit à partir du 2 juillet 2026")
            .And.Contain("entretien du 20 juin 2026")
            .And.NotContain("Commissariat aux Assurances");
    }

    [Fact]
    public void Luxembourg_rejection_gives_the_direction_then_the_caa_within_one_year()
    {
        var text = LetterSamples.Renderer().Render("reponse-defavorable", LetterSamples.CompleteModel("LU")).PlainText;

        text.Should().Contain("revue par la Direction de Cabinet Exemple Courtage")
            .And.Contain("Commissariat aux Assurances")
            .And.Contain("à partir du 2 août 2026 et au plus tard le 2 mai 2027")
            .And.NotContain("90 jours")
            .And.NotContain("Médiation de l'Assurance");
    }

    [Fact]
    public void Unknown_jurisdiction_is_refused_rather_than_sending_no_recourse()
    {
        var act = () => LetterSamples.Renderer().Render("reponse-defavorable", LetterSamples.CompleteModel("XX"));

        act.Should().Throw<LetterRenderException>().WithMessage("*juridiction de recours inconnue*");
    }

    [Fact]
    public void Remedial_offer_is_made_without_admitting_liability_and_amount_is_in_euros()
    {
        var text = LetterSamples.Renderer().Render("offre-reglement", LetterSamples.CompleteModel()).PlainText;

        text.Should().Contain("sans reconnaissance de responsabilité")
            .And.Contain("Montant proposé : 1 234,50 €")
            .And.Contain("avant le 1er août 2026");
    }

    [Fact]
    public void Not_a_complaint_names_the_third_party_when_given_and_not_otherwise()
    {
        var renderer = LetterSamples.Renderer();
        var model = LetterSamples.CompleteModel();

        renderer.Render("demande-non-reclamation", model).PlainText
            .Should().Contain("Nous l'avons transmise à l'organisme compétent").And.Contain("Assureur Exemple SA");

        model.Remove("third_party");
        renderer.Render("demande-non-reclamation", model).PlainText
            .Should().Contain("ne constitue pas une réclamation").And.NotContain("Assureur Exemple SA");
    }

    [Fact]
    public void Missing_variable_is_named()
    {
        var model = LetterSamples.CompleteModel();
        model.Remove("answer_due_on");

        var act = () => LetterSamples.Renderer().Render("accuse-reception", model);

        var lines = File.ReadAllLines(Path.Combine(LetterSamples.TemplatesDirectory, "accuse-reception.scriban-html"));
        var useLine = Array.FindIndex(lines, l => l.Contains("{{ answer_due_on", StringComparison.Ordinal)) + 1;
        act.Should().Throw<LetterRenderException>()
            .Where(e => e.VariableName == "answer_due_on" && e.TemplateName == "accuse-reception" && e.Line == useLine)
            .WithMessage("*answer_due_on*");
    }

    [Fact]
    public void Missing_nested_member_is_named_with_its_path()
    {
        var model = LetterSamples.CompleteModel();
        ((Dictionary<string, object?>)model["handler"]!).Remove("email");

        var act = () => LetterSamples.Renderer().Render("cloture", model);

        act.Should().Throw<LetterRenderException>().Where(e => e.VariableName == "handler.email");
    }

    [Fact]
    public void Missing_list_is_named_when_iterated()
    {
        var model = LetterSamples.CompleteModel();
        ((Dictionary<string, object?>)model["complainant"]!).Remove("address");

        var act = () => LetterSamples.Renderer().Render("accuse-reception", model);

        act.Should().Throw<LetterRenderException>().Where(e => e.VariableName == "complainant.address" && e.Line > 0);
    }

    [Fact]
    public void Missing_list_is_named_when_joined()
    {
        var store = LetterTemplateStore.FromTemplates([LetterTemplateStore.Parse("t.scriban-html", "<p>{{ items | array.join \", \" }}</p>")]);

        var act = () => LetterSamples.Renderer(store).Render("t", new Dictionary<string, object?>());

        act.Should().Throw<LetterRenderException>().Where(e => e.VariableName == "items");
    }

    [Fact]
    public void Blank_optional_value_in_a_condition_leaves_the_line_out()
    {
        var model = LetterSamples.CompleteModel();
        ((Dictionary<string, object?>)model["third_party"]!)["address"] = "";

        LetterSamples.Renderer().Render("demande-non-reclamation", model).PlainText
            .Should().Contain("Assureur Exemple SA").And.NotContain("75009 Paris");
    }

    [Fact]
    public void Lists_and_nested_dictionaries_of_plain_values_render()
    {
        var store = LetterTemplateStore.FromTemplates([LetterTemplateStore.Parse("t.scriban-html",
            "<p>{{ for p in parts }}{{ p.label }}={{ p.amount | format_amount }};{{ end }} {{ flag }} {{ moment }}</p>")]);
        var model = new Dictionary<string, object?>
        {
            ["parts"] = new List<object?>
            {
                new Dictionary<string, object?> { ["label"] = "a", ["amount"] = 10L },
                new Dictionary<string, object?> { ["label"] = "b", ["amount"] = 2.5 },
            },
            ["flag"] = true,
            ["moment"] = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero),
        };

        LetterSamples.Renderer(store).Render("t", model).PlainText
            .Should().Be("a=10,00\u00A0€;b=2,50\u00A0€; oui 1er janvier 2027\n".Replace("\u00A0", " "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Null_or_blank_value_is_never_left_blank(string? value)
    {
        var model = LetterSamples.CompleteModel();
        ((Dictionary<string, object?>)model["complainant"]!)["name"] = value;

        var act = () => LetterSamples.Renderer().Render("cloture", model);

        act.Should().Throw<LetterRenderException>().Where(e => e.VariableName == "complainant.name");
    }

    [Fact]
    public void Model_values_are_html_escaped()
    {
        var model = LetterSamples.CompleteModel();
        ((Dictionary<string, object?>)model["complaint"]!)["subject"] = "<script>alert(1)</script> & co";

        var letter = LetterSamples.Renderer().Render("cloture", model);

        letter.Html.Should().NotContain("<script>").And.Contain("&lt;script&gt;");
        letter.PlainText.Should().Contain("<script>alert(1)</script> & co");
    }

    [Fact]
    public void Model_letter_date_overrides_today()
    {
        var model = LetterSamples.CompleteModel();
        model["letter_date"] = new DateOnly(2026, 6, 1);

        LetterSamples.Renderer().Render("cloture", model).Html.Should().Contain("Le 1er juin 2026");
    }

    [Fact]
    public void Settings_come_from_the_model_objects_not_the_code()
    {
        var mediator = MediatorSettings.Default with { FrName = "Médiateur de test", FrAddress = ["BP 1", "99999 Ville"] };
        var renderer = new LetterRenderer(
            LetterTemplateStore.LoadFromDirectory(LetterSamples.TemplatesDirectory), LetterSamples.Firm, mediator, LetterSamples.Clock());

        renderer.Render("reponse-defavorable", LetterSamples.CompleteModel()).PlainText
            .Should().Contain("Médiateur de test, BP 1, 99999 Ville").And.Contain("ORIAS sous le n° 07 000 000");
    }

    [Fact]
    public void Model_cannot_override_firm_settings()
    {
        var model = LetterSamples.CompleteModel();
        model["firm"] = new Dictionary<string, object?> { ["name"] = "Autre" };

        var act = () => LetterSamples.Renderer().Render("cloture", model);

        act.Should().Throw<ArgumentException>().WithMessage("*firm*");
    }
}
