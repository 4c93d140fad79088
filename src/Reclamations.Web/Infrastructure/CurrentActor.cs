using System.Security.Claims;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Infrastructure;

/// <summary>The one place where a request's acting user is read: the signed-in identity (cookie for the pages, bearer
/// token for the API), its user id and its roles. Nothing a request says (header, body, form) names the actor.</summary>
public static class CurrentActor
{
    /// <summary>The actor of a request nobody signed in to (only anonymous routes see it: it holds no group).</summary>
    public const string AnonymousId = "anonymous";

    public static Actor GetActor(this HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return new Actor(AnonymousId);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // No account can act, or be recorded, as the engine itself.
        if (string.IsNullOrWhiteSpace(id) || Actor.IsReserved(id)) return new Actor(AnonymousId);
        return new Actor(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }
}
