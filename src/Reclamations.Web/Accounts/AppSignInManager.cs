using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Reclamations.Web.Accounts;

/// <summary>Identity's sign-in manager, refusing users an administrator deactivated, and counting a wrong recovery code
/// as a failed sign-in (as a wrong authenticator code is), so that lock-out bounds guessing either.</summary>
public sealed class AppSignInManager(UserManager<AppUser> users, IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded || result.IsLockedOut || result.IsNotAllowed || user is null) return result;
        await UserManager.AccessFailedAsync(user);
        return await UserManager.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
    }
}
