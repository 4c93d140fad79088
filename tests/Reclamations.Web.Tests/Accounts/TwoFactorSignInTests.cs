using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Testing.Accounts;
using Reclamations.Web.Accounts;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Accounts;

/// <summary>Two-factor sign-in: enrolment on the security page, the code step of the sign-in (pages and API), recovery
/// codes, the lock-out, the Admin role's requirement, and the administrator's reset.</summary>
public sealed class TwoFactorSignInTests : IDisposable
{
    private const string Password = "Test!2026-pass";
    private readonly WebHost _host = new();

    public void Dispose() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_user_enrols_from_the_security_page_a_wrong_code_refused_and_then_signs_in_with_a_code()
    {
        await CreateUserAsync("nina@test.local", Roles.Staff);
        using var nina = new PageSession(_host);
        (await nina.SignInAsync("nina@test.local", Password)).Headers.Location!.OriginalString.Should().Be("/");

        var page = await nina.TextAsync(Authenticator.PagePath);
        var key = Regex.Match(page, "id=\"shared-key\"[^>]*>([^<]+)<").Groups[1].Value;
        key.Replace(" ", "").Should().MatchRegex("^[A-Z2-7]{32}$");
        page.Should().Contain($"otpauth://totp/R%C3%A9clamations:nina%40test.local?secret={key.Replace(" ", "")}&issuer=R%C3%A9clamations&digits=6").And.Contain("src=\"data:image/png;base64,");

        var wrong = await nina.PostAsync(Authenticator.PagePath, "Enable", ("code", AuthenticatorCodes.Wrong(key)));
        (await PageSession.TextOf(wrong)).Should().Contain("Code incorrect");
        (await UserAsync("nina@test.local")).TwoFactorEnabled.Should().BeFalse("a wrong first code changes nothing");

        var right = await nina.PostAsync(Authenticator.PagePath, "Enable", ("code", AuthenticatorCodes.Current(key)));
        var enabled = await PageSession.TextOf(right);
        enabled.Should().Contain("La double authentification est activée");
        RecoveryCodes(enabled).Should().HaveCount(Authenticator.RecoveryCodeCount);
        (await UserAsync("nina@test.local")).TwoFactorEnabled.Should().BeTrue();
        (await nina.TextAsync(Authenticator.PagePath)).Should().NotContain(RecoveryCodes(enabled)[0], "recovery codes are shown once");

        using var again = new PageSession(_host);
        var password = await again.SignInAsync("nina@test.local", Password);
        password.Headers.Location!.OriginalString.Should().StartWith(Authenticator.CodePagePath);
        (await again.Client.GetAsync("/")).Headers.Location!.AbsolutePath.Should().Be("/connexion", "the password alone signs nobody in");
        var code = await again.PostAsync(Authenticator.CodePagePath, null, ("code", AuthenticatorCodes.Current(key)), ("returnUrl", "/"));
        code.Headers.Location!.OriginalString.Should().Be("/");
        (await again.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_asks_for_the_code_and_a_recovery_code_signs_in_once()
    {
        var (key, recovery) = await CreateUserAsync("omar@test.local", Roles.Staff, enrol: true);
        var client = _host.CreateClient();

        var noCode = await client.PostJsonAsync("/api/auth/login", new { email = "omar@test.local", password = Password });
        noCode.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await noCode.JsonAsync())["title"]!.GetValue<string>().Should().Be("Two-factor code required");
        (await client.PostJsonAsync("/api/auth/login", new { email = "omar@test.local", password = Password, twoFactorCode = AuthenticatorCodes.Wrong(key) }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var withCode = await client.PostJsonAsync("/api/auth/login", new { email = "omar@test.local", password = Password, twoFactorCode = AuthenticatorCodes.Current(key) });
        withCode.StatusCode.Should().Be(HttpStatusCode.OK);
        (await withCode.JsonAsync())["accessToken"]!.GetValue<string>().Should().NotBeNullOrEmpty();

        var withRecovery = await client.PostJsonAsync("/api/auth/login", new { email = "omar@test.local", password = Password, twoFactorRecoveryCode = recovery[0] });
        withRecovery.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostJsonAsync("/api/auth/login", new { email = "omar@test.local", password = Password, twoFactorRecoveryCode = recovery[0] }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a recovery code works once");

        using var page = new PageSession(_host);
        await page.SignInAsync("omar@test.local", Password);
        (await PageSession.TextOf(await page.PostAsync(Authenticator.CodePagePath, "Recovery", ("recoveryCode", recovery[0]))))
            .Should().Contain("incorrect ou déjà utilisé");
        var second = await page.PostAsync(Authenticator.CodePagePath, "Recovery", ("recoveryCode", recovery[1].ToLowerInvariant()));
        second.Headers.Location!.OriginalString.Should().Be("/");
        var omar = await UserAsync("omar@test.local");
        (await UserManagerAsync(u => u.CountRecoveryCodesAsync(omar))).Should().Be(Authenticator.RecoveryCodeCount - 2);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lock_out()
    {
        var (key, _) = await CreateUserAsync("paula@test.local", Roles.Staff, enrol: true);
        using var page = new PageSession(_host);
        await page.SignInAsync("paula@test.local", Password);
        for (var attempt = 1; attempt <= 3; attempt++)
            (await PageSession.TextOf(await page.PostAsync(Authenticator.CodePagePath, null, ("code", AuthenticatorCodes.Wrong(key)))))
                .Should().Contain("Code incorrect");
        (await PageSession.TextOf(await page.PostAsync(Authenticator.CodePagePath, "Recovery", ("recoveryCode", "AAAAA-BBBBB"))))
            .Should().Contain("incorrect ou déjà utilisé");
        (await PageSession.TextOf(await page.PostAsync(Authenticator.CodePagePath, null, ("code", AuthenticatorCodes.Wrong(key)))))
            .Should().Contain("verrouillé", "five failures, codes and recovery codes included, lock the account");

        var right = await _host.CreateClient().PostJsonAsync("/api/auth/login",
            new { email = "paula@test.local", password = Password, twoFactorCode = AuthenticatorCodes.Current(key) });
        right.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await right.JsonAsync())["title"]!.GetValue<string>().Should().Be("Account locked");
    }

    [Fact]
    public async Task An_administrator_without_two_factor_gets_no_token_and_reaches_only_the_enrolment_page()
    {
        await CreateUserAsync("quentin@test.local", Roles.Admin);
        var api = await _host.CreateClient().PostJsonAsync("/api/auth/login", new { email = "quentin@test.local", password = Password });
        api.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await api.JsonAsync();
        problem["title"]!.GetValue<string>().Should().Be(TwoFactorRequirement.ProblemTitle);
        problem["detail"]!.GetValue<string>().Should().Contain(Authenticator.PagePath);
        (await _host.CreateClient().PostJsonAsync("/api/auth/login", new { email = "quentin@test.local", password = "Wrong!2026" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the password is checked before the reason is given");

        using var page = new PageSession(_host);
        (await page.SignInAsync("quentin@test.local", Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var url in new[] { "/", "/admin/utilisateurs", "/registre" })
            (await page.Client.GetAsync(url)).Headers.Location?.OriginalString.Should().Be(Authenticator.PagePath, url);
        var apiCall = await page.Client.GetAsync("/api/profiles");
        apiCall.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await apiCall.JsonAsync())["title"]!.GetValue<string>().Should().Be(TwoFactorRequirement.ProblemTitle);

        var enrol = await page.TextAsync(Authenticator.PagePath);
        enrol.Should().Contain("exige la double authentification");
        var key = Regex.Match(enrol, "id=\"shared-key\"[^>]*>([^<]+)<").Groups[1].Value;
        await page.PostAsync(Authenticator.PagePath, "Enable", ("code", AuthenticatorCodes.Current(key)));
        (await page.Client.GetAsync("/admin/utilisateurs")).StatusCode.Should().Be(HttpStatusCode.OK, "enrolled, the administrator works");
        (await page.Client.GetAsync("/api/profiles")).StatusCode.Should().Be(HttpStatusCode.OK);

        var disable = await page.PostAsync(Authenticator.PagePath, "Disable");
        (await page.TextAsync(disable.Headers.Location!.OriginalString)).Should().Contain("obligatoire pour les administrateurs");
        (await UserAsync("quentin@test.local")).TwoFactorEnabled.Should().BeTrue("the Admin role cannot turn it off");
    }

    [Fact]
    public async Task The_administrator_resets_a_users_two_factor_sign_in_and_the_user_may_turn_their_own_off()
    {
        var (adminKey, _) = await CreateUserAsync("rose@test.local", Roles.Admin, enrol: true);
        var (staffKey, _) = await CreateUserAsync("sami@test.local", Roles.Staff, enrol: true);
        using var admin = new PageSession(_host);
        await admin.SignInAsync("rose@test.local", Password);
        (await admin.PostAsync(Authenticator.CodePagePath, null, ("code", AuthenticatorCodes.Current(adminKey)))).Headers.Location!.OriginalString.Should().Be("/");
        var sami = await UserAsync("sami@test.local");
        var row = Regex.Match(await admin.TextAsync("/admin/utilisateurs"), "<tr>(?:(?!</tr>).)*sami@test.local(?:(?!</tr>).)*</tr>", RegexOptions.Singleline).Value;
        row.Should().Contain("Activée").And.Contain("Réinitialiser la double authentification de sami");

        var reset = await admin.PostAsync($"/admin/utilisateurs?id={sami.Id}", "ResetTwoFactor");
        (await admin.TextAsync(reset.Headers.Location!.OriginalString)).Should().Contain("Double authentification de sami réinitialisée");
        sami = await UserAsync("sami@test.local");
        sami.TwoFactorEnabled.Should().BeFalse();
        (await UserManagerAsync(u => u.GetAuthenticatorKeyAsync(sami))).Should().NotBe(staffKey, "the old app's codes stop working");
        (await UserManagerAsync(u => u.CountRecoveryCodesAsync(sami))).Should().Be(0);
        (await _host.CreateClient().PostJsonAsync("/api/auth/login", new { email = "sami@test.local", password = Password }))
            .StatusCode.Should().Be(HttpStatusCode.OK, "a Staff user without two-factor sign-in signs in with the password");

        var (tomKey, _) = await CreateUserAsync("tom@test.local", Roles.Staff, enrol: true);
        using var tom = new PageSession(_host);
        await tom.SignInAsync("tom@test.local", Password);
        await tom.PostAsync(Authenticator.CodePagePath, null, ("code", AuthenticatorCodes.Current(tomKey)));
        var off = await tom.PostAsync(Authenticator.PagePath, "Disable");
        (await tom.TextAsync(off.Headers.Location!.OriginalString)).Should().Contain("La double authentification est désactivée");
        (await UserAsync("tom@test.local")).TwoFactorEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task A_refresh_token_gives_no_new_token_to_an_administrator_without_two_factor_sign_in()
    {
        await CreateUserAsync("ugo@test.local", Roles.Staff);
        var client = _host.CreateClient();
        var login = await (await client.PostJsonAsync("/api/auth/login", new { email = "ugo@test.local", password = Password })).JsonAsync();
        var refreshToken = login["refreshToken"]!.GetValue<string>();
        (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode.Should().Be(HttpStatusCode.OK);

        // A role given without a new security stamp: the refresh token is still valid, but not for an administrator without a code.
        await UserManagerAsync(async u => await u.AddToRoleAsync(await u.FindByEmailAsync("ugo@test.local") ?? throw new InvalidOperationException(), Roles.Admin));
        (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static List<string> RecoveryCodes(string html) =>
        [.. Regex.Matches(html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value)];

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> CreateUserAsync(string email, string role, bool enrol = false)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        if (!enrol) return ("", []);
        var key = await ActingUser.EnrolAsync(users, user);
        return (key, [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount))!]);
    }

    private async Task<AppUser> UserAsync(string email) => (await UserManagerAsync(u => u.FindByEmailAsync(email)))!;

    private async Task<T> UserManagerAsync<T>(Func<UserManager<AppUser>, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }
}
