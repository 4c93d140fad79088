using Reclamations.Domain.Audit;
using Reclamations.Domain.Retention;

namespace Reclamations.Web.Compliance;

/// <summary>Trust and retention: the audit chain's key, the retention job, legal holds, the right-of-access and inspector's
/// exports (PDF letters with PDFsharp on DejaVu fonts).</summary>
public static class ComplianceSetup
{
    public static WebApplicationBuilder AddCompliance(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(AuditChainFrom(config));
        var section = config.GetSection("Retention");
        var retention = new RetentionOptions
        {
            PeriodYears = section.GetValue("PeriodYears", RetentionOptions.RegulatoryMinimumYears),
            Window = section["Window"] is { Length: > 0 } window ? window : "02:00-05:00",
            BatchSize = section.GetValue("BatchSize", 50),
            PollInterval = section.GetValue("PollInterval", TimeSpan.FromHours(1)),
            RunJob = section.GetValue("RunJob", true),
            TimeZoneId = config["Engine:TimeZone"] ?? "Europe/Paris",
        }.Validated(section.GetValue("AllowShorterThanRegulation", false));
        services.AddSingleton(retention);
        services.AddSingleton<ComplaintRetention>();
        services.AddSingleton<LegalHolds>();
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<InspectorExport>();
        services.AddScoped<AccessExport>();
        if (retention.RunJob) services.AddHostedService<RetentionWorker>();
        DejaVuFontResolver.Install(config["Pdf:FontDirectory"] is { Length: > 0 } fonts ? fonts : DejaVuFontResolver.DefaultDirectory);
        return builder;
    }

    /// <summary>The chain's key, <c>Audit:Key</c> (kept outside the database: configuration, environment variable
    /// <c>Audit__Key</c>, a secret store). Missing or too short, the app does not start.</summary>
    private static AuditChain AuditChainFrom(IConfiguration config)
    {
        var key = config["Audit:Key"];
        if (string.IsNullOrWhiteSpace(key))
            throw new InvalidOperationException(
                "Audit:Key is not set: the audit trail's HMAC key must be configured outside the database (environment variable " +
                $"Audit__Key or a secret store; at least {AuditChain.MinimumKeyBytes} bytes, e.g. `openssl rand -base64 48`). The app does not start without it.");
        try
        {
            return new AuditChain(key);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
