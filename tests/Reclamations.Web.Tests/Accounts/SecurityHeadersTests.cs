using System.Net;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Accounts;

/// <summary>Security headers on every answer and the health endpoints reachable without sign-in.</summary>
public sealed class SecurityHeadersTests : IDisposable
{
    private readonly WebHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_answers_without_sign_in_with_the_security_headers(string path)
    {
        var response = await _host.CreateClient().GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self' 'nonce-").And.NotContain("unsafe-inline");
    }

    [Fact]
    public async Task Each_answer_has_its_own_nonce()
    {
        var client = _host.CreateClient();
        var first = (await client.GetAsync("/health/live")).Headers.GetValues("Content-Security-Policy").Single();
        var second = (await client.GetAsync("/health/live")).Headers.GetValues("Content-Security-Policy").Single();
        first.Should().NotBe(second);
    }
}
