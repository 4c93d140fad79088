using System.Security.Cryptography;

namespace Reclamations.Web.Infrastructure;

/// <summary>Security headers on every answer: a Content-Security-Policy with no inline script (a page that needs one,
/// such as the API reference, uses the per-request nonce <see cref="Nonce"/>), nosniff, no framing, no referrer.</summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce of this request's Content-Security-Policy, for a script or style element that needs one.</summary>
    public static string Nonce(this HttpContext http) =>
        http.Items[NonceKey] as string ?? throw new InvalidOperationException("SecurityHeaders middleware is not in the pipeline.");

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app.Use(async (http, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; " +
                    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                return Task.CompletedTask;
            });
            await next(http);
        });
    }
}
