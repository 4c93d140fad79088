using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Reclamations.Web.Accounts;

/// <summary>Two-factor sign-in is required for the Admin role: an administrator whose account has no authenticator yet
/// reaches only the enrolment page (pages redirect there; the API answers 403 with a problem detail naming the reason),
/// sign-in and sign-out. The signed-in principal says whether the account has two-factor sign-in
/// (<see cref="AppClaimsPrincipalFactory.TwoFactorClaim"/>, refreshed with the security stamp).</summary>
public static class TwoFactorRequirement
{
    public const string ProblemTitle = "Two-factor sign-in required";

    /// <summary>True for a signed-in administrator without two-factor sign-in.</summary>
    public static bool MustEnrol(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin)
        && !user.HasClaim(AppClaimsPrincipalFactory.TwoFactorClaim, "true");

    public static IApplicationBuilder UseAdminTwoFactorRequirement(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.User.MustEnrol() || IsOpenToEnrollingAdmin(http.Request.Path))
        {
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = ProblemTitle,
                    Detail = $"The Admin role requires two-factor sign-in: enrol an authenticator app on {Authenticator.PagePath} first.",
                },
            });
            return;
        }
        http.Response.Redirect(Authenticator.PagePath);
    });

    private static bool IsOpenToEnrollingAdmin(PathString path) =>
        path.StartsWithSegments(Authenticator.PagePath) || path.StartsWithSegments("/connexion")
        || path.StartsWithSegments("/deconnexion") || path.StartsWithSegments("/acces-refuse")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/api/auth");
}
