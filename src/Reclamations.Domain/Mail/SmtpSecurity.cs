namespace Reclamations.Domain.Mail;

/// <summary>How the SMTP connection is secured (<c>Mail:Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
