using Microsoft.EntityFrameworkCore;
using MimeKit;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;

namespace Reclamations.Domain.Settings;

/// <summary>The alert addresses edited in the studio, stored as versions with who and when. Until a first edit, the
/// configuration's (<c>Notifications:{Role}</c>) are in force; once edited, the stored ones replace them.</summary>
public sealed class NotificationAddressStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time, NotificationSettings configured)
{
    public const string Key = "notifications";

    /// <summary>The addresses in force, read on the caller's context (e.g. an engine step's transaction).</summary>
    public async Task<NotificationAddresses> ReadAsync(DomainDbContext db, CancellationToken ct = default) =>
        await StoredSettings.LatestAsync<NotificationAddresses>(db, Key, ct)
        ?? new NotificationAddresses(configured.AddressesByRole.ToDictionary(p => p.Key, p => (string?)p.Value));

    public async Task<NotificationAddresses> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, ct);
    }

    /// <summary>Who changed the addresses and when, newest first.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset ChangedAt, string ChangedBy, NotificationAddresses Value)>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StoredSettings.HistoryAsync<NotificationAddresses>(db, Key, ct);
    }

    /// <summary>Replaces the addresses of the alerted roles (a blank one: no mail for that role). A bad address is refused,
    /// naming its role, and nothing changes.</summary>
    /// <exception cref="RegisterValidationException">An address is not a mail address, or a role is unknown.</exception>
    public async Task<NotificationAddresses> SaveAsync(IReadOnlyDictionary<string, string?> addresses, string user, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var errors = new List<FieldError>();
        var clean = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (role, value) in addresses)
        {
            if (!NotificationAddresses.AlertedRoles.Contains(role))
            {
                errors.Add(new FieldError(role, $"Le rôle « {role} » ne reçoit pas d'alertes."));
                continue;
            }
            var address = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (address is not null && (address.Length > 254 || !IsMailAddress(address)))
                errors.Add(new FieldError(role, $"L'adresse « {address} » n'est pas une adresse de courriel valide."));
            clean[role] = address;
        }
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var saved = new NotificationAddresses(clean);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        StoredSettings.Add(db, Key, saved, user, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return saved;
    }

    internal static bool IsMailAddress(string address) =>
        MailboxAddress.TryParse(address, out var parsed) && parsed.Address.Contains('@') && parsed.Address == address;
}
