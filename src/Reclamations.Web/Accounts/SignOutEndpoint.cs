using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Reclamations.Web.Accounts;

/// <summary><c>POST /deconnexion</c>: ends the cookie session (antiforgery-checked form of the layout).</summary>
public static class SignOutEndpoint
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/deconnexion", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await signIn.SignOutAsync();
            return Results.Redirect("/connexion");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
