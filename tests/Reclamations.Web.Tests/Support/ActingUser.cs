using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Testing.Accounts;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Tests.Support;

/// <summary>Clients that act as a user who really signed in: the user (id = the name given, so that history rows read
/// as the test says) is created in Identity with the given roles, then signs in through <c>POST /api/auth/login</c>;
/// every request carries its bearer token. An administrator (the role requires two-factor sign-in) is created with an
/// authenticator key and signs in with the code of the moment.</summary>
internal static class ActingUser
{
    public const string Password = "Test!2026-pass";

    /// <summary>A client of <paramref name="host"/> signed in as <paramref name="user"/> holding <paramref name="roles"/>.</summary>
    public static HttpClient ClientAs(this WebHost host, string user, params string[] roles) =>
        host.CreateDefaultClient(new SignedInHandler(host, user, roles));

    /// <summary>The same, keeping cookies (the pages' antiforgery cookie), for posting the pages' forms.</summary>
    public static HttpClient PageClientAs(this WebHost host, string user, params string[] roles) =>
        host.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(), new SignedInHandler(host, user, roles));

    /// <summary>The user's bearer token (the user created first when absent).</summary>
    public static async Task<string> TokenAsync(WebHost host, string user, string[] roles)
    {
        var key = (host, user);
        if (Tokens.TryGetValue(key, out var token)) return token;
        string? authenticatorKey;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = await users.FindByIdAsync(user);
            if (account is null)
            {
                var email = $"{user}@test.local";
                account = new AppUser { Id = user, UserName = email, Email = email, EmailConfirmed = true, DisplayName = user };
                Check(await users.CreateAsync(account, Password), user);
                foreach (var role in roles) await EnsureRoleAsync(scope.ServiceProvider, role);
                if (roles.Length > 0) Check(await users.AddToRolesAsync(account, roles), user);
                if (roles.Contains(Roles.Admin)) await EnrolAsync(users, account);
            }
            authenticatorKey = account.TwoFactorEnabled ? await users.GetAuthenticatorKeyAsync(account) : null;
        }
        using var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new
        {
            email = $"{user}@test.local", password = Password,
            twoFactorCode = authenticatorKey is null ? null : AuthenticatorCodes.Current(authenticatorKey),
        });
        login.EnsureSuccessStatusCode();
        token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        return Tokens.GetOrAdd(key, token);
    }

    private static readonly ConcurrentDictionary<(WebHost, string), string> Tokens = new();

    /// <summary>Turns two-factor sign-in on for <paramref name="account"/> with a new key, which it returns.</summary>
    public static async Task<string> EnrolAsync(UserManager<AppUser> users, AppUser account)
    {
        Check(await users.ResetAuthenticatorKeyAsync(account), account.Id);
        Check(await users.SetTwoFactorEnabledAsync(account, true), account.Id);
        return (await users.GetAuthenticatorKeyAsync(account))!;
    }

    private static async Task EnsureRoleAsync(IServiceProvider services, string role)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static void Check(IdentityResult result, string user)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Test user {user}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private sealed class SignedInHandler(WebHost host, string user, string[] roles) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(host, user, roles));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
