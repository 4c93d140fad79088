using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Persistence;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>The studio's letter templates over HTTP: a refused text is a problem detail naming each problem (line, column,
/// variable) and saves nothing; a valid one becomes the next version, by the signed-in user, with its comment, and the
/// preview, the versions and the diff show it; the firm's settings page refuses a bad field in French.</summary>
public sealed class LetterTemplatesApiTests : IClassFixture<LetterTemplatesApiTests.Host>
{
    private const string Url = "/api/studio/templates/accuse-reception";
    private readonly Host _host;

    public LetterTemplatesApiTests(Host host) => _host = host;

    [Fact]
    public async Task An_unknown_variable_is_a_problem_detail_naming_it_and_nothing_is_saved()
    {
        var client = _host.Web.ClientAs("owner-templates", "ProcessOwner");
        var source = (await (await client.GetAsync(Url)).JsonAsync())["body"]!.GetValue<string>();
        var edited = source.Replace("<p>{{ complainant.salutation }},</p>", "<p>{{ complainant.salutation }},</p>\n<p>{{ complaint.bonus }}</p>",
            StringComparison.Ordinal);

        var response = await client.PutAsJsonAsync(Url, new { body = edited, comment = "Ajout" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        var error = problem["errors"]!.AsArray().Single()!;
        error["variable"]!.GetValue<string>().Should().Be("complaint.bonus");
        error["line"]!.GetValue<int>().Should().Be(21);
        error["column"]!.GetValue<int>().Should().BeGreaterThan(0);
        (await Versions()).Should().Be(0);
    }

    [Fact]
    public async Task A_valid_edit_is_the_next_version_by_the_signed_in_user_shown_by_preview_versions_and_diff()
    {
        var client = _host.Web.ClientAs("owner-saves", "ProcessOwner");
        const string key = "/api/studio/templates/cloture";
        var source = (await (await client.GetAsync(key)).JsonAsync())["body"]!.GetValue<string>();
        var edited = source.Replace("<p>{{ complainant.salutation }},</p>", "<p>{{ complainant.salutation }},</p>\n<p>Merci de votre confiance.</p>",
            StringComparison.Ordinal);
        edited.Should().NotBe(source);

        var preview = await (await client.PostAsJsonAsync($"{key}/preview", new { body = edited, profile = "LU-CAA" })).JsonAsync();
        var saved = await client.PutAsJsonAsync(key, new { body = edited, comment = "Remerciement" });

        preview["html"]!.GetValue<string>().Should().Contain("Merci de votre confiance.");
        preview["profile"]!.GetValue<string>().Should().Be("LU-CAA");
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var version = await saved.JsonAsync();
        version["version"]!.GetValue<int>().Should().Be(1);
        version["author"]!.GetValue<string>().Should().Be("owner-saves");
        var versions = (await (await client.GetAsync($"{key}/versions")).JsonAsync()).AsArray();
        versions.Select(v => v!["version"]!.GetValue<int>()).Should().Equal(1, 0);
        var diff = (await (await client.GetAsync($"{key}/diff?from=0&to=1")).JsonAsync())["lines"]!.AsArray();
        diff.Where(l => l!["kind"]!.GetValue<string>() != "kept").Select(l => (l!["kind"]!.GetValue<string>(), l["text"]!.GetValue<string>()))
            .Should().Equal(("added", "<p>Merci de votre confiance.</p>"));
        (await (await client.GetAsync(key)).JsonAsync())["version"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_missing_version_or_template_is_a_404_problem_and_a_staff_member_is_refused()
    {
        var owner = _host.Web.ClientAs("owner-reads", "ProcessOwner");
        var staff = _host.Web.ClientAs("staff-reads", "Staff");

        var missingVersion = await owner.GetAsync($"{Url}/versions/7");
        var missingTemplate = await owner.PostAsJsonAsync("/api/studio/templates/inconnu/preview", new { body = "x" });
        var refused = await staff.PutAsJsonAsync(Url, new { body = "x", comment = "x" });

        missingVersion.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missingVersion.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("version 7");
        missingTemplate.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missingTemplate.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("« inconnu »");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_template_too_large_is_refused_naming_the_limit()
    {
        var client = _host.Web.ClientAs("owner-large", "ProcessOwner");

        var response = await client.PostAsJsonAsync($"{Url}/validate", new { body = new string('a', 100_001) });

        var result = await response.JsonAsync();
        result["valid"]!.GetValue<bool>().Should().BeFalse();
        result["problems"]!.AsArray().Single()!["message"]!.GetValue<string>().Should().Contain("100000");
    }

    private async Task<int> Versions()
    {
        await using var db = await _host.Web.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync();
        return await db.LetterTemplateVersions.CountAsync(v => v.Name == "accuse-reception");
    }

    public sealed class Host : IDisposable
    {
        public WebHost Web { get; } = WebHost.WithRealWorkflows();

        public void Dispose() => Web.DisposeAndDelete();
    }
}
