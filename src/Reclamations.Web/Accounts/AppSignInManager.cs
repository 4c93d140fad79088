using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Reclamations.Web.Accounts;

/// <summary>Identity's sign-in manager, refusing users an administrator deactivated.</summary>
public sealed class AppSignInManager(UserManager<AppUser> users, IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<AppUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}
