using Reclamations.Web.Inbox;
using Reclamations.Web.Shared;

namespace Reclamations.Web.Infrastructure;

/// <summary>The back office's server-rendered pages (Razor Pages in the feature folders, French routes), signed-in only
/// except the sign-in page.</summary>
public static class PagesSetup
{
    public static WebApplicationBuilder AddBackOfficePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AuthorizeFolder("/Studio", Reclamations.Web.Accounts.Policies.ManagesProcess);
        });
        FrenchDates.UseZone(builder.Configuration["Firm:TimeZoneId"] ?? builder.Configuration["Engine:TimeZone"] ?? "Europe/Paris");
        builder.Services.AddScoped<TaskInbox>();
        builder.Services.AddScoped<NavigationCounts>();
        builder.Services.AddScoped<Reclamations.Web.Accounts.UserDirectory>();
        builder.Services.AddSingleton<Reclamations.Web.Public.FormTimeToken>();
        return builder;
    }
}
