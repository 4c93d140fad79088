using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Settings;

/// <summary>The SMTP settings edited in the studio, stored as versions with who and when (the password kept but never
/// returned). The mail transport (<see cref="StoredSettingsMailTransport"/>) uses them when present, the configuration
/// (<c>Mail:*</c>) otherwise.</summary>
public sealed class SmtpSettingsStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time, MailOptions configured)
{
    public const string Key = "smtp";

    /// <summary>The stored settings in force, null when the configuration's are (none stored, or handed back).</summary>
    public async Task<SmtpSettings?> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await StoredSettings.LatestAsync<SmtpSettings>(db, Key, ct);
        return latest is { UseConfiguration: false } ? latest : null;
    }

    /// <summary>The mail settings in force (stored, or the configuration's).</summary>
    public async Task<MailOptions> EffectiveAsync(CancellationToken ct = default) =>
        (await CurrentAsync(ct))?.Apply(configured) ?? configured;

    /// <summary>What the settings page shows: the settings in force without the password.</summary>
    public async Task<SmtpSettingsView> ViewAsync(CancellationToken ct = default)
    {
        var stored = await CurrentAsync(ct);
        var mail = stored?.Apply(configured) ?? configured;
        return new SmtpSettingsView(stored is not null, mail.SmtpHost, mail.SmtpPort, mail.SmtpSecurity, mail.SmtpUser,
            !string.IsNullOrEmpty(mail.SmtpPassword), mail.From);
    }

    /// <summary>Who changed the settings and when, newest first (the values without the password).</summary>
    public async Task<IReadOnlyList<(DateTimeOffset ChangedAt, string ChangedBy, SmtpSettings Value)>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await StoredSettings.HistoryAsync<SmtpSettings>(db, Key, ct))
            .Select(h => (h.ChangedAt, h.ChangedBy, h.Value with { Password = null })).ToList();
    }

    /// <summary>Stores new settings (validated: a bad field is refused, naming it, and nothing changes). A blank password
    /// keeps the stored one when the server and login are the same; a login without a password is refused; a login
    /// needs an encrypted connection.</summary>
    /// <exception cref="RegisterValidationException">A field is missing or invalid.</exception>
    public async Task SaveAsync(SmtpSettingsInput input, string user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var errors = new List<FieldError>();
        var host = Blank(input.Host);
        if (host is null) errors.Add(new FieldError("host", "Le serveur SMTP est obligatoire."));
        else if (host.Length > 253 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or '@'))
            errors.Add(new FieldError("host", $"Le serveur SMTP « {host} » n'est pas un nom d'hôte valide."));
        if (input.Port is not (> 0 and <= 65535)) errors.Add(new FieldError("port", "Le port doit être un nombre entre 1 et 65535."));
        if (input.Security is not { } security || !Enum.IsDefined(security))
            errors.Add(new FieldError("security", "La sécurité de la connexion doit être Aucune, STARTTLS ou SSL/TLS."));
        var login = Blank(input.User);
        if (login?.Length > 256) errors.Add(new FieldError("user", "L'identifiant dépasse 256 caractères."));
        if (input.Password?.Length > 512) errors.Add(new FieldError("password", "Le mot de passe dépasse 512 caractères."));
        var from = Blank(input.From);
        if (from is null) errors.Add(new FieldError("from", "L'expéditeur est obligatoire."));
        else if (from.Length > 320 || !MimeKit.MailboxAddress.TryParse(from, out var sender) || !sender.Address.Contains('@'))
            errors.Add(new FieldError("from", $"L'expéditeur « {from} » n'est pas une adresse de courriel valide."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);

        // A blank password keeps the stored one only for the same server and login: a password never follows a changed
        // host, port or user (it would be handed to whatever server was typed), and the configuration's is never copied.
        var current = await CurrentAsync(ct);
        var sameServer = current is not null && string.Equals(current.Host, host, StringComparison.OrdinalIgnoreCase)
                         && current.Port == input.Port && current.User == login;
        var kept = input.ClearPassword ? null
            : string.IsNullOrEmpty(input.Password) ? (sameServer ? current!.Password : null)
            : input.Password;
        if (kept is null && login is not null && !input.ClearPassword && string.IsNullOrEmpty(input.Password))
            errors.Add(new FieldError("password", sameServer
                ? "Aucun mot de passe n'est enregistré pour cet identifiant : saisissez-le."
                : "Le serveur ou l'identifiant change : saisissez le mot de passe de ce serveur."));
        if (login is not null && input.Security == SmtpSecurity.None)
            errors.Add(new FieldError("security", "Un identifiant et son mot de passe ne s'envoient pas sans chiffrement : choisissez STARTTLS ou SSL/TLS."));
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var settings = new SmtpSettings
        {
            Host = host, Port = input.Port!.Value, Security = input.Security!.Value, User = login, Password = kept, From = from,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        StoredSettings.Add(db, Key, settings, user, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Hands back to the configuration's settings (a version of its own, so the change is kept with who and when).</summary>
    public async Task UseConfigurationAsync(string user, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        StoredSettings.Add(db, Key, new SmtpSettings { UseConfiguration = true }, user, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
