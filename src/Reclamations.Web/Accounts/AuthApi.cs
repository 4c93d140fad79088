using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;

namespace Reclamations.Web.Accounts;

/// <summary>Bearer tokens for the REST API: <c>POST /api/auth/login</c> and <c>/refresh</c>. There is no open
/// registration: accounts are created by an administrator.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Sign-in").AllowAnonymous();
        api.MapPost("/login", LoginAsync).WithName("Login").Produces<AccessTokenResponse>();
        api.MapPost("/refresh", RefreshAsync).WithName("RefreshToken").Produces<AccessTokenResponse>();
        app.MapGet("/api/auth/me", GetMeAsync).WithTags("Sign-in").WithName("CurrentUser").RequireAuthorization();
        return app;
    }

    /// <summary>Signs in with e-mail and password, plus <c>twoFactorCode</c> (the authenticator's code) or
    /// <c>twoFactorRecoveryCode</c> when the account has two-factor sign-in (without either: 401 saying a code is
    /// required); the answer is the access token response of the bearer scheme. An administrator without two-factor
    /// sign-in gets no token (403: enrol on the security page first). Repeated failures, codes included, lock the account.</summary>
    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginRequest login,
        SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        if (await signIn.UserManager.FindByEmailAsync(login.Email ?? "") is { } account && !account.TwoFactorEnabled
            && await signIn.UserManager.IsInRoleAsync(account, Roles.Admin))
        {
            // The password is checked (and a failure counted) before saying why no token is given.
            var check = await signIn.CheckPasswordSignInAsync(account, login.Password ?? "", lockoutOnFailure: true);
            return check.Succeeded
                ? TypedResults.Problem(statusCode: 403, title: TwoFactorRequirement.ProblemTitle,
                    detail: $"The Admin role requires two-factor sign-in: sign in on the pages and enrol an authenticator app on {Authenticator.PagePath}.")
                : Refused(check);
        }
        var result = await signIn.PasswordSignInAsync(login.Email ?? "", login.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (!string.IsNullOrWhiteSpace(login.TwoFactorCode))
                result = await signIn.TwoFactorAuthenticatorSignInAsync(Authenticator.Normalize(login.TwoFactorCode), isPersistent: false, rememberClient: false);
            else if (!string.IsNullOrWhiteSpace(login.TwoFactorRecoveryCode))
                result = await signIn.TwoFactorRecoveryCodeSignInAsync(Authenticator.NormalizeRecoveryCode(login.TwoFactorRecoveryCode));
            else
                return TypedResults.Problem(statusCode: 401, title: "Two-factor code required",
                    detail: "This account signs in with an authenticator code: send twoFactorCode (or twoFactorRecoveryCode).");
            if (!result.Succeeded && !result.IsLockedOut)
                return TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "Wrong two-factor code.");
        }
        return result.Succeeded ? TypedResults.Empty : Refused(result); // on success the bearer handler has written the tokens
    }

    private static ProblemHttpResult Refused(SignInResult result) => result.IsLockedOut
        ? TypedResults.Problem(statusCode: 401, title: "Account locked", detail: "Too many failed sign-ins: the account is locked for a while.")
        : TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "Unknown e-mail or wrong password.");

    /// <summary>Who is signed in: the engine's actor id, name, function and roles.</summary>
    public static async Task<Results<Ok<CurrentUserResponse>, UnauthorizedHttpResult>> GetMeAsync(HttpContext http,
        UserManager<AppUser> users)
    {
        if (await users.GetUserAsync(http.User) is not { } user) return TypedResults.Unauthorized();
        return TypedResults.Ok(new CurrentUserResponse(user.Id, user.Email ?? "", user.DisplayName, user.JobTitle,
            [.. await users.GetRolesAsync(user)]));
    }

    /// <summary>A new access token for a valid refresh token of a user who may still sign in (an administrator whose
    /// two-factor sign-in was reset gets none).</summary>
    public static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(RefreshRequest refresh,
        IOptionsMonitor<BearerTokenOptions> options, SignInManager<AppUser> signIn)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var ticket = bearer.RefreshTokenProtector.Unprotect(refresh.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || bearer.TimeProvider!.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || !await signIn.CanSignInAsync(user))
            return TypedResults.Challenge();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (principal.MustEnrol()) return TypedResults.Challenge();
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

public sealed record CurrentUserResponse(string Id, string Email, string DisplayName, string? JobTitle, IReadOnlyList<string> Roles);

public sealed record LoginRequest(string? Email, string? Password, string? TwoFactorCode, string? TwoFactorRecoveryCode = null);
