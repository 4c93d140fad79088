using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Templates;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Templates;

/// <summary>What the studio refuses on save, naming it: a syntax error (line and column), a variable the process does not provide,
/// and an edit that removes a mandatory mention of a profile (FR, LU, and a firm's own profile copied from FR-ACPR).</summary>
public sealed class TemplateValidationTests
{
    [Fact]
    public async Task Every_shipped_letter_and_shared_part_validates_as_it_is()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);

        var problems = new List<string>();
        foreach (var key in studio.Catalog.Defaults.Keys)
            problems.AddRange((await studio.Editor.ValidateAsync(key, studio.Catalog.Defaults.Find(key)!.Source)).Select(p => $"{key}: {p.Message}"));

        problems.Should().BeEmpty();
    }

    [Fact]
    public async Task A_syntax_error_is_refused_with_its_line_and_column()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);

        var problems = await studio.Editor.ValidateAsync("cloture", "<p>Bonjour</p>\n<p>\n  {{ if complaint.reference }}texte\n</p>\n");

        var problem = problems.Should().ContainSingle().Which;
        problem.Kind.Should().Be(TemplateProblem.Syntax);
        problem.Line.Should().BeGreaterThanOrEqualTo(3);
        problem.Column.Should().BeGreaterThan(0);
        problem.Message.Should().Contain($"ligne {problem.Line}, colonne {problem.Column}");
    }

    [Fact]
    public async Task A_variable_the_process_does_not_provide_is_refused_by_name_and_nothing_is_saved()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("accuse-reception", "<p>{{ complainant.salutation }},</p>",
            "<p>{{ complainant.salutation }},</p>\n  <p>Montant : {{ complaint.montant_reclame }} ; {{ if client_vip }}VIP{{ end }}</p>");

        var save = () => studio.Editor.SaveAsync("accuse-reception", edited, "Ajout du montant", "owner");

        var refused = (await save.Should().ThrowAsync<TemplateValidationException>()).Which;
        refused.Problems.Where(p => p.Kind == TemplateProblem.UnknownVariable).Select(p => p.Variable)
            .Should().Equal("complaint.montant_reclame", "client_vip");
        var first = refused.Problems[0];
        first.Line.Should().Be(21);
        first.Message.Should().Contain("« complaint.montant_reclame »").And.Contain("ligne 21");
        await using var db = database.Open();
        (await db.LetterTemplateVersions.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_variable_of_another_letter_is_unknown_to_this_one_but_locals_and_helpers_are_known()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("accuse-reception", "<p>{{ complainant.salutation }},</p>",
            "<p>{{ complainant.salutation }},</p>\n  {{ total = 3 }}{{ for l in complainant.address }}{{ l | string.upcase }}{{ end }}{{ total }} {{ offer_text }}");

        var problems = await studio.Editor.ValidateAsync("accuse-reception", edited);

        problems.Select(p => p.Variable).Should().Equal("offer_text");
    }

    [Fact]
    public async Task Removing_the_recourse_routes_of_an_answer_is_refused_for_FR_and_LU()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("reponse-defavorable", "{{ include \"recourse-first-level\" }}", "");

        var problems = await studio.Editor.ValidateAsync("reponse-defavorable", edited);

        problems.Should().OnlyContain(p => p.Kind == TemplateProblem.MissingMention);
        problems.Select(p => p.Message).Should().Contain(m => m.Contains("FR-ACPR (FR)") && m.Contains("médiateur de l'assurance"))
            .And.Contain(m => m.Contains("LU-CAA (LU)") && m.Contains("le CAA, son rôle"));
    }

    [Fact]
    public async Task Removing_the_mediators_email_from_the_shared_part_is_refused_for_FR_only()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("_partials.external-body", "<li>par courriel : {{ mediator.fr_email }} ;</li>", "");

        var problems = await studio.Editor.ValidateAsync("_partials.external-body", edited);

        problems.Should().NotBeEmpty().And.OnlyContain(p => p.Kind == TemplateProblem.MissingMention && p.Message.Contains("FR-ACPR (FR)"));
        problems.Select(p => p.Message).Should().Contain(m => m.Contains("« reponse-defavorable »"))
            .And.Contain(m => m.Contains("« reponse-second-niveau »"));
    }

    [Fact]
    public async Task Removing_the_CAAs_role_is_refused_for_LU_only()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("_partials.external-body", "<p>{{ mediator.lu_role }}</p>", "");

        var save = () => studio.Editor.SaveAsync("_partials.external-body", edited, "Plus court", "owner");

        var refused = (await save.Should().ThrowAsync<TemplateValidationException>()).Which;
        refused.Problems.Should().OnlyContain(p => p.Kind == TemplateProblem.MissingMention && p.Message.Contains("LU-CAA (LU)"));
    }

    [Fact]
    public async Task Recourse_kept_for_FR_ACPR_only_is_refused_for_the_firms_own_profile_copied_from_it()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var copy = DeadlineProfiles.FrAcpr with { Code = "CABINET-FR", Name = "Profil du cabinet (copie de FR-ACPR)" };
        var studio = new TemplateStudio(database, copy);
        var edited = await studio.EditedAsync("reponse-defavorable", "{{ include \"recourse-first-level\" }}",
            "{{ if profile == \"FR-ACPR\" || profile == \"LU-CAA\" }}{{ include \"recourse-first-level\" }}{{ end }}");

        var problems = await studio.Editor.ValidateAsync("reponse-defavorable", edited);

        problems.Should().NotBeEmpty().And.OnlyContain(p => p.Message.Contains("CABINET-FR (FR)"));
        (await studio.Editor.ValidateAsync("reponse-defavorable", edited.Replace("profile == \"LU-CAA\"",
            "profile == \"LU-CAA\" || profile == \"CABINET-FR\"", StringComparison.Ordinal))).Should().BeEmpty();
    }

    [Fact]
    public async Task An_offer_that_no_longer_says_it_admits_no_liability_is_refused()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("offre-reglement", "<strong>à titre commercial et sans reconnaissance de responsabilité</strong> de la part de notre cabinet",
            "<strong>à titre commercial</strong>");

        var problems = await studio.Editor.ValidateAsync("offre-reglement", edited);

        problems.Select(p => p.Mention).Should().OnlyContain(m => m == "« sans reconnaissance de responsabilité »").And.HaveCount(2, "FR and LU");
    }

    [Fact]
    public async Task A_save_needs_a_comment_and_a_change()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var source = (await studio.Editor.CurrentAsync("cloture")).Source;

        var noComment = () => studio.Editor.SaveAsync("cloture", source + " ", " ", "owner");
        var unchanged = () => studio.Editor.SaveAsync("cloture", source, "rien", "owner");
        var unknown = () => studio.Editor.SaveAsync("inconnu", source, "rien", "owner");

        (await noComment.Should().ThrowAsync<TemplateValidationException>()).Which.Problems.Should().ContainSingle(p => p.Message.Contains("commentaire"));
        (await unchanged.Should().ThrowAsync<TemplateValidationException>()).Which.Problems.Should().ContainSingle(p => p.Message.Contains("version en vigueur"));
        await unknown.Should().ThrowAsync<TemplateNotFoundException>();
    }
    [Fact]
    public async Task A_template_whose_loops_would_run_for_ever_is_refused_and_nothing_is_saved()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var studio = new TemplateStudio(database);
        var edited = await studio.EditedAsync("accuse-reception", "<p>{{ complainant.salutation }},</p>",
            "<p>{{ complainant.salutation }},</p>\n  {{ for a in 1..1000 }}{{ for b in 1..1000 }}{{ for c in 1..1000 }}.{{ end }}{{ end }}{{ end }}");

        var save = () => studio.Editor.SaveAsync("accuse-reception", edited, "Boucles", "owner");

        var refused = (await save.Should().ThrowAsync<TemplateValidationException>()).Which;
        refused.Problems.Should().Contain(p => p.Kind == TemplateProblem.Render, "the loop limit stops the rendering with a problem named");
        await using var db = database.Open();
        (await db.LetterTemplateVersions.CountAsync()).Should().Be(0);
    }
}
