using System.Security.Cryptography;
using System.Text;

namespace Reclamations.Domain.Audit;

/// <summary>
/// The tamper-evident audit trail's key and MAC. Each row's MAC is HMAC-SHA-256, under a key kept outside the database
/// (<c>Audit:Key</c>), of the previous row's MAC, the row's sequence number, complaint, time, user, action and the
/// digests of its values (<see cref="AuditDigests"/>), never the values themselves: a value erased later leaves the chain
/// verifiable, a value, digest or row changed or removed in the database does not.
/// </summary>
public sealed class AuditChain
{
    /// <summary>The shortest key accepted (UTF-8 bytes): 32, the HMAC-SHA-256 block's half.</summary>
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyBytes"/>.</exception>
    public AuditChain(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = Encoding.UTF8.GetBytes(key);
        if (_key.Length < MinimumKeyBytes)
            throw new ArgumentException($"Audit:Key must be at least {MinimumKeyBytes} bytes long (it is {_key.Length}).", nameof(key));
    }

    /// <summary>The MAC of <paramref name="entry"/> (its <see cref="AuditEntry.Sequence"/> and <see cref="AuditEntry.ValueDigests"/>
    /// set) after the row whose MAC is <paramref name="previousMac"/> ("" for the first row).</summary>
    public string MacOf(AuditEntry entry, string previousMac)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder("audit-v1");
        foreach (var field in new[]
                 {
                     previousMac, entry.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                     entry.ComplaintId.ToString("D"), entry.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     entry.User, entry.Action, entry.ValueDigests ?? "",
                 })
        {
            // Length-prefixed, so that no two different rows give the same text.
            text.Append('|').Append(field.Length).Append(':').Append(field);
        }

        // Rows without reader groups keep the text they always had, so that older rows still verify.
        if (entry.ReaderGroups is { } readers) text.Append("|readers|").Append(readers.Length).Append(':').Append(readers);

        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Seals a new row as the one after <paramref name="head"/>, and moves the head to it.</summary>
    public void Seal(AuditEntry entry, AuditChainHead head)
    {
        entry.Sequence = head.Sequence + 1;
        entry.ValueDigests = AuditDigests.Of(entry.Details);
        entry.Mac = MacOf(entry, head.Mac);
        head.Sequence = entry.Sequence.Value;
        head.Mac = entry.Mac;
    }

    /// <summary>Whether two MACs are equal, in constant time.</summary>
    public static bool SameMac(string? a, string? b) =>
        a is not null && b is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
