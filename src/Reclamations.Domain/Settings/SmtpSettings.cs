using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Settings;

/// <summary>The SMTP server the letters and alerts leave through, edited in the studio. <see cref="UseConfiguration"/>: the
/// version that hands back to the configuration's <c>Mail:*</c> settings. The password is never shown back.</summary>
public sealed record SmtpSettings
{
    public bool UseConfiguration { get; init; }

    public string? Host { get; init; }

    public int Port { get; init; } = MailOptions.DefaultPort;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>The sender of every mail, e.g. <c>Cabinet Exemple &lt;reclamations@exemple.fr&gt;</c>.</summary>
    public string? From { get; init; }

    /// <summary>Never the password, whatever logs or prints the settings.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"UseConfiguration = {UseConfiguration}, Host = {Host}, Port = {Port}, Security = {Security}, User = {User}, ");
        builder.Append($"Password = {(Password is null ? "(none)" : "***")}, From = {From}");
        return true;
    }

    /// <summary>The configuration's mail settings with this server and sender in place of theirs.</summary>
    public MailOptions Apply(MailOptions configured) => UseConfiguration ? configured : configured with
    {
        SmtpHost = Host, SmtpPort = Port, SmtpSecurity = Security, SmtpUser = User, SmtpPassword = Password,
        From = From ?? configured.From,
    };
}

/// <summary>What the studio shows of the SMTP settings in force: never the password, only whether one is kept.</summary>
public sealed record SmtpSettingsView(bool FromDatabase, string? Host, int Port, SmtpSecurity Security, string? User, bool HasPassword,
    string From);

/// <summary>An edit of the SMTP settings: a blank <see cref="Password"/> keeps the stored one, unless <see cref="ClearPassword"/>.</summary>
public sealed record SmtpSettingsInput(string? Host, int? Port, SmtpSecurity? Security, string? User, string? Password, bool ClearPassword,
    string? From);
