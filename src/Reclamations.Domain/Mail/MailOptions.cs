using Microsoft.Extensions.Configuration;

namespace Reclamations.Domain.Mail;

/// <summary>
/// Mail settings: <c>Mail:Smtp:Host</c>, <c>Mail:Smtp:Port</c>, <c>Mail:Smtp:Security</c>
/// (None | StartTls | SslOnConnect), <c>Mail:Smtp:User</c>, <c>Mail:Smtp:Password</c>,
/// <c>Mail:From</c> and <c>Storage:DataDirectory</c> (default <c>data</c>). Without an SMTP host,
/// mail is written as <c>.eml</c> files under <c>{DataDirectory}/outbox/</c>.
/// </summary>
public sealed record MailOptions
{
    public const int DefaultPort = 587;
    public const string DefaultDataDirectory = "data";

    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = DefaultPort;

    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.StartTls;

    public string? SmtpUser { get; init; }

    public string? SmtpPassword { get; init; }

    /// <summary>Sender, e.g. <c>Cabinet Exemple &lt;reclamations@exemple.fr&gt;</c>.</summary>
    public required string From { get; init; }

    public string DataDirectory { get; init; } = DefaultDataDirectory;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");

    /// <summary>Reads the settings; a bad value is an error naming its key.</summary>
    public static MailOptions FromConfiguration(IConfiguration configuration)
    {
        var from = configuration["Mail:From"];
        if (string.IsNullOrWhiteSpace(from))
        {
            throw new InvalidOperationException("Configuration key 'Mail:From' is required (the sender address of letters).");
        }

        return new MailOptions
        {
            SmtpHost = Blank(configuration["Mail:Smtp:Host"]),
            SmtpPort = ParsePort(configuration["Mail:Smtp:Port"]),
            SmtpSecurity = ParseSecurity(configuration["Mail:Smtp:Security"]),
            SmtpUser = Blank(configuration["Mail:Smtp:User"]),
            SmtpPassword = configuration["Mail:Smtp:Password"],
            From = from,
            DataDirectory = Blank(configuration["Storage:DataDirectory"]) ?? DefaultDataDirectory,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int ParsePort(string? value)
    {
        if (Blank(value) is not { } text)
        {
            return DefaultPort;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"Configuration key 'Mail:Smtp:Port' must be a port number (1-65535), got '{value}'.");
    }

    private static SmtpSecurity ParseSecurity(string? value)
    {
        if (Blank(value) is not { } text)
        {
            return SmtpSecurity.StartTls;
        }

        return Enum.TryParse<SmtpSecurity>(text, ignoreCase: true, out var security) && Enum.IsDefined(security) && !int.TryParse(text, out _)
            ? security
            : throw new InvalidOperationException(
                $"Configuration key 'Mail:Smtp:Security' must be None, StartTls or SslOnConnect, got '{value}'.");
    }
}
