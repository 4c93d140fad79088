namespace Reclamations.Web.Tests.Support;

/// <summary>Names the acting user of requests with the transitional headers X-User-Id / X-User-Groups that
/// <c>HttpContext.GetActor()</c> reads while nobody is signed in.</summary>
internal static class ActingUser
{
    /// <summary>Every request of this client acts as <paramref name="user"/> with <paramref name="groups"/>.</summary>
    public static HttpClient As(this HttpClient client, string user, params string[] groups)
    {
        client.DefaultRequestHeaders.Remove("X-User-Id");
        client.DefaultRequestHeaders.Remove("X-User-Groups");
        client.DefaultRequestHeaders.Add("X-User-Id", user);
        if (groups.Length > 0) client.DefaultRequestHeaders.Add("X-User-Groups", string.Join(',', groups));
        return client;
    }

    /// <summary>A client of <paramref name="host"/> acting as <paramref name="user"/>.</summary>
    public static HttpClient ClientAs(this WebHost host, string user, params string[] groups) => host.CreateClient().As(user, groups);
}
