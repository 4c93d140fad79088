using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Web.Accounts;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Accounts;

/// <summary>Bearer sign-in for the REST API: demo users, wrong passwords, lock-out, deactivation, refresh, no registration.</summary>
public sealed class AuthApiTests : IDisposable
{
    // Demo data as in Development: demo users, and demo complaints (so the real workflows and templates).
    private readonly WebHost _host = WebHost.WithRealWorkflows(new Dictionary<string, string?> { ["DemoData"] = "true" });

    public void Dispose() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_demo_user_signs_in_and_the_token_names_that_user_and_its_role()
    {
        var client = _host.CreateClient();
        var login = await client.PostJsonAsync("/api/auth/login", new { email = "officer@demo.local", password = DemoUsers.Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var tokens = await login.JsonAsync();
        tokens["tokenType"]!.GetValue<string>().Should().Be("Bearer");
        tokens["expiresIn"]!.GetValue<long>().Should().Be((long)AccountsSetup.IdleTimeout.TotalSeconds);

        (await client.GetAsync("/api/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens["accessToken"]!.GetValue<string>());
        var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
        me["email"]!.GetValue<string>().Should().Be("officer@demo.local");
        me["displayName"]!.GetValue<string>().Should().Be("Claire Martin");
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal(Roles.ComplaintsOfficer);
    }

    [Fact]
    public async Task Every_role_has_one_demo_user_with_the_documented_password_and_the_admin_the_documented_key()
    {
        DemoUsers.All.Select(u => u.Role).Should().BeEquivalentTo(Roles.All);
        foreach (var (email, _, _, role) in DemoUsers.All)
        {
            // The Admin role requires two-factor sign-in: the demo administrator's codes come from the documented key.
            var code = role == Roles.Admin ? Reclamations.Testing.Accounts.AuthenticatorCodes.Current(DemoUsers.AdminAuthenticatorKey) : null;
            var login = await _host.CreateClient().PostJsonAsync("/api/auth/login", new { email, password = DemoUsers.Password, twoFactorCode = code });
            login.StatusCode.Should().Be(HttpStatusCode.OK, email);
        }
        var withoutCode = await _host.CreateClient().PostJsonAsync("/api/auth/login", new { email = "admin@demo.local", password = DemoUsers.Password });
        withoutCode.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await withoutCode.JsonAsync())["title"]!.GetValue<string>().Should().Be("Two-factor code required");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_failures_lock_the_account_even_for_the_right_password()
    {
        var client = _host.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostJsonAsync("/api/auth/login", new { email = "staff@demo.local", password = "Wrong!2026" });
            wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        var right = await client.PostJsonAsync("/api/auth/login", new { email = "staff@demo.local", password = DemoUsers.Password });
        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await right.JsonAsync())["title"]!.GetValue<string>().Should().Be("Account locked");
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_nor_refresh_a_token()
    {
        var client = _host.CreateClient();
        var login = await (await client.PostJsonAsync("/api/auth/login", new { email = "reviewer@demo.local", password = DemoUsers.Password })).JsonAsync();
        var refreshToken = login["refreshToken"]!.GetValue<string>();
        var refreshed = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refreshed.JsonAsync())["accessToken"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync("reviewer@demo.local"))!;
            user.IsActive = false;
            await users.UpdateAsync(user);
        }
        (await client.PostJsonAsync("/api/auth/login", new { email = "reviewer@demo.local", password = DemoUsers.Password }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Nobody_registers_an_account_through_the_api()
    {
        var client = _host.CreateClient();
        var register = await client.PostJsonAsync("/api/auth/register", new { email = "intrus@example.com", password = "Intrus!2026" });
        ((int)register.StatusCode).Should().BeGreaterThanOrEqualTo(400);
        var routes = _host.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToList();
        routes.Should().Contain("/api/auth/login").And.NotContain(r => r.Contains("register", StringComparison.OrdinalIgnoreCase));
        (await client.PostJsonAsync("/api/auth/login", new { email = "intrus@example.com", password = "Intrus!2026" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Outside_development_without_demo_data_no_demo_user_exists()
    {
        using var host = new WebHost();
        try
        {
            var login = await host.CreateClient().PostJsonAsync("/api/auth/login", new { email = "admin@demo.local", password = DemoUsers.Password });
            login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            host.Dispose();
            WebHost.DeleteFolder(host.Folder);
        }
    }
}
