using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Reclamations.Engine.Persistence;

namespace Reclamations.Web.Accounts;

/// <summary>Sign-in: ASP.NET Core Identity on the application's database, a cookie for the pages and bearer tokens for
/// the REST API (one policy scheme picks the bearer handler when the request carries <c>Authorization: Bearer</c>).</summary>
public static class AccountsSetup
{
    /// <summary>The default scheme: forwards to the bearer or the cookie handler.</summary>
    public const string Scheme = "Reclamations";

    /// <summary>A session ends after this much idle time (cookie, sliding) and an access token lives as long.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddDbContext<AccountsDbContext>(o => o.UseEngineSqlite(connectionString)
            .UseSqlite(connectionString, s => s.MigrationsHistoryTable(AccountsDbContext.MigrationsHistoryTable)));
        services.AddHttpContextAccessor();
        // A deactivated user or a change of roles ends cookie sessions within a minute (the security stamp is re-read).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = IdleTimeout;
                // Sessions run on real time, even when the engine runs a simulation clock (Development).
                o.TimeProvider = TimeProvider.System;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/connexion";
                o.AccessDeniedPath = "/acces-refuse";
                o.ExpireTimeSpan = IdleTimeout;
                o.SlidingExpiration = true;
                o.Cookie.Name = "reclamations.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.TimeProvider = TimeProvider.System;
                o.Events = ApiAwareCookieEvents();
            }));
        // Every route needs a signed-in user unless it says otherwise (AllowAnonymous: sign-in, health, public form).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddReclamationsPolicies();
        return builder;
    }

    /// <summary>Applies Identity's migrations and makes sure every role exists; in Development (or with DemoData) the demo users.</summary>
    public static async Task PrepareAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await db.Database.MigrateAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        if (app.Configuration.GetValue("DemoData", app.Environment.IsDevelopment()))
            await DemoUsers.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                (IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>(), app.Logger);
    }

    /// <summary>An API call without a valid session gets 401/403, not a redirect to the sign-in page.</summary>
    private static CookieAuthenticationEvents ApiAwareCookieEvents() => new()
    {
        OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden),
    };

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
