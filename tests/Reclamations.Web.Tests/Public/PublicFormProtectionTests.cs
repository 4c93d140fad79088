using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Register;
using Reclamations.Web.Public;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Public;

/// <summary>The public form's protections: a filled honeypot or a form posted sooner than a person could is refused with
/// nothing stored, and submissions are rate-limited per client address (429).</summary>
public sealed class PublicFormProtectionTests : IDisposable
{
    private readonly WebHost _host = WebHost.WithRealWorkflows();

    public void Dispose() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_bot_is_refused_and_nothing_is_registered()
    {
        var client = _host.CreateClient();
        var (antiforgery, shownAt) = await FormTokensAsync(client);

        var honeypot = await PostAsync(client, antiforgery, shownAt, ("site_web", "http://spam.example"));
        (await TextAsync(honeypot)).Should().Contain("n'a pas pu être vérifié");
        var tooQuick = await PostAsync(client, antiforgery, shownAt);
        (await TextAsync(tooQuick)).Should().Contain("n'a pas pu être vérifié", "posted before a person could fill it");
        var forged = await PostAsync(client, antiforgery, "forged-token");
        (await TextAsync(forged)).Should().Contain("n'a pas pu être vérifié");

        (await _host.Services.GetRequiredService<ComplaintRegister>().ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_description_over_the_limit_is_refused_naming_it()
    {
        var client = _host.CreateClient();
        var (antiforgery, _) = await FormTokensAsync(client);
        var token = _host.Services.GetRequiredService<FormTimeToken>();
        // A display time old enough to pass the bot check, made by the app's own protector.
        var shownAt = token.IssueAt(TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(1));

        var response = await PostAsync(client, antiforgery, shownAt,
            ("description", new string('x', Reclamations.Web.Public.Pages.ComplaintFormModel.MaxDescriptionChars + 1)));

        (await TextAsync(response)).Should().Contain($"dépasse {Reclamations.Web.Public.Pages.ComplaintFormModel.MaxDescriptionChars} caractères");
        (await _host.Services.GetRequiredService<ComplaintRegister>().ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Submissions_are_rate_limited_per_client_address()
    {
        var client = _host.CreateClient();
        var (antiforgery, shownAt) = await FormTokensAsync(client);
        for (var i = 0; i < PublicFormSetup.SubmissionsPerWindow; i++)
            (await PostAsync(client, antiforgery, shownAt)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await PostAsync(client, antiforgery, shownAt)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/reclamation")).StatusCode.Should().Be(HttpStatusCode.OK, "reading the form is not limited");
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<(string Antiforgery, string ShownAt)> FormTokensAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/reclamation");
        string Value(string name) => WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        return (Value("__RequestVerificationToken"), Value("shownAt"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string antiforgery, string shownAt,
        params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", antiforgery), new("shownAt", shownAt), new("name", "Robot"),
            new("email", "robot@example.com"), new("category", "product"), new("subject", "Offre"), new("description", "Achetez"),
        };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return client.PostAsync("/reclamation", new FormUrlEncodedContent(fields));
    }
}
