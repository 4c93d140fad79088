using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Reclamations.Web.Accounts;

/// <summary>Identity's claims (id, user name, roles) plus the person's display name, shown by the pages, and whether the
/// account has two-factor sign-in (the Admin role requires it: <see cref="TwoFactorRequirement"/>).</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    /// <summary>"true" when the account signs in with an authenticator code.</summary>
    public const string TwoFactorClaim = "two_factor_enabled";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorClaim, "true"));
        return identity;
    }
}

public static class ClaimsPrincipalNames
{
    /// <summary>The signed-in person's display name, else their user name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsPrincipalFactory.DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
