using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Reclamations.Web.Tests.Support;

/// <summary>A person using the pages with a cookie session, as a browser would without running scripts: redirects are
/// not followed (the test reads them), forms are posted with the antiforgery token of the page they are on.</summary>
internal sealed partial class PageSession(WebHost host) : IDisposable
{
    public HttpClient Client { get; } = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The page's text, HTML entities decoded.</summary>
    public async Task<string> TextAsync(string url)
    {
        var response = await Client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} → {response.Headers.Location}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a form of <paramref name="page"/> (its <paramref name="handler"/>, if named) with the token the page gives now.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string? handler, params (string Name, string Value)[] fields)
    {
        var html = await Client.GetStringAsync(page);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var url = handler is null ? page : $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}";
        return await Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts e-mail and password on the sign-in page; the answer redirects home, to the code page, or shows an error.</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostAsync("/connexion", null, ("email", email), ("password", password));

    public static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
