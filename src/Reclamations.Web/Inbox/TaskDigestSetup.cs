using Reclamations.Domain.Notifications;

namespace Reclamations.Web.Inbox;

/// <summary>The digest mail of new group tasks: settings <c>Notifications:TaskDigest:IntervalMinutes</c> (default 0 = off;
/// appsettings.Development.json turns it on) and <c>BaseUrl</c>.</summary>
public static class TaskDigestSetup
{
    public static WebApplicationBuilder AddTaskDigest(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TaskDigestOptions.FromConfiguration(builder.Configuration, defaultIntervalMinutes: 0));
        builder.Services.AddSingleton<TaskDigestMailer>();
        builder.Services.AddScoped<TaskDigestRun>();
        builder.Services.AddHostedService<TaskDigestService>();
        return builder;
    }
}
