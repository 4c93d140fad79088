using System.Security.Claims;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Infrastructure;

/// <summary>The one place where a request's acting user is read. The signed-in identity (name identifier and role
/// claims) is the actor; TRANSITIONAL until sign-in exists: an anonymous request names itself with the
/// <c>X-User-Id</c> and <c>X-User-Groups</c> (comma-separated) headers.</summary>
public static class CurrentActor
{
    public static Actor GetActor(this HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? "";
            return new Actor(id, user.FindAll(ClaimTypes.Role).Select(c => c.Value));
        }
        var headerId = http.Request.Headers["X-User-Id"].FirstOrDefault();
        var groups = http.Request.Headers["X-User-Groups"].FirstOrDefault()?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A header naming the engine ("system") is anonymous: no request can act, or be recorded, as the engine.
        return new Actor(string.IsNullOrWhiteSpace(headerId) || Actor.IsReserved(headerId) ? "anonymous" : headerId, groups);
    }
}
