using System.Threading.RateLimiting;

namespace Reclamations.Web.Public;

/// <summary>The public complaint form's protections: a rate limit on submissions per client address (ASP.NET Core rate
/// limiter), and the form's settings (profile of complaints filed there).</summary>
public static class PublicFormSetup
{
    public const string RateLimitPolicy = "public-form";

    /// <summary>Submissions allowed per client address and window.</summary>
    public const int SubmissionsPerWindow = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static WebApplicationBuilder AddPublicForm(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "inconnu",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SubmissionsPerWindow, Window = Window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("lecture"));
        });
        builder.Services.AddSingleton(new PublicFormOptions(builder.Configuration["Public:DefaultProfile"] ?? "FR-ACPR"));
        return builder;
    }
}

/// <summary>Settings of the public form: the deadline profile its complaints are registered on (<c>Public:DefaultProfile</c>).</summary>
public sealed record PublicFormOptions(string DefaultProfile);
