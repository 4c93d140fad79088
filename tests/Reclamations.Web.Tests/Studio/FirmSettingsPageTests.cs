using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Letters;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>The studio's firm settings page (<c>/studio/parametres/cabinet</c>): a bad field is refused in French beside it and
/// changes nothing; a good one is a new version of the setting by the signed-in user (its audit trail), listed on the page.</summary>
public sealed partial class FirmSettingsPageTests : IClassFixture<FirmSettingsPageTests.Host>
{
    private const string Page = "/studio/parametres/cabinet";
    private readonly Host _host;

    public FirmSettingsPageTests(Host host) => _host = host;

    private static (string, string)[] Firm(string email) =>
    [
        ("name", "Cabinet Durand Courtage"), ("address", "3 place du Marché\n54000 Nancy"), ("oriasNumber", "12 345 678"),
        ("registrationNumber", ""), ("complaintsContactName", "Paul Durand"), ("complaintsContactTitle", "Responsable réclamations"),
        ("complaintsContactEmail", email), ("phone", "03 83 11 22 33"),
    ];

    [Fact]
    public async Task A_bad_email_is_refused_in_French_and_a_good_identity_is_saved_by_the_signed_in_user()
    {
        var client = _host.Web.PageClientAs("owner-firm", "ProcessOwner");
        var store = _host.Web.Services.GetRequiredService<LetterSettingsStore>();
        var before = (await store.HistoryAsync(LetterSettingsStore.FirmKey)).Count;

        var refused = await PostAsync(client, "Firm", Firm("pas-une-adresse"));
        var refusedText = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var accepted = await PostAsync(client, "Firm", Firm("reclamations@durand-courtage.fr"));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refusedText.Should().Contain("L'adresse de courriel n'est pas valide.").And.Contain("aria-invalid=\"true\"");
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var history = await store.HistoryAsync(LetterSettingsStore.FirmKey);
        history.Should().HaveCount(before + 1);
        history[0].ChangedBy.Should().Be("owner-firm");
        (await store.GetAsync()).Firm.Address.Should().Equal("3 place du Marché", "54000 Nancy");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Page));
        page.Should().Contain("Cabinet Durand Courtage");
    }

    [Fact]
    public async Task The_recourse_bodies_need_every_field()
    {
        var client = _host.Web.PageClientAs("owner-recourse", "ProcessOwner");

        var refused = await PostAsync(client, "Recourse", ("frName", ""), ("frAddress", "Pôle CSCA"), ("frWeb", "w"), ("frEmail", "e"),
            ("luName", "CAA"), ("luAddress", "L-2557 Luxembourg"), ("luWeb", "w"), ("luEmail", "e"), ("luPhone", "1"), ("luFax", "2"), ("luRole", "r"));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("id=\"frName-error\">Ce champ est obligatoire.");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(Page);
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync($"{Page}?handler={handler}", new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public sealed class Host : IDisposable
    {
        public WebHost Web { get; } = WebHost.WithRealWorkflows();

        public void Dispose() => Web.DisposeAndDelete();
    }
}
