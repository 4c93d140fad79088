using System.Text.RegularExpressions;

namespace Reclamations.Domain.Mail;

/// <summary>Message-Ids: created once per mail, safe as a header and as a file name.</summary>
public static partial class MailMessageIds
{
    /// <summary>A new id such as <c>REC-2026-0042.3f2a…@exemple.fr</c>.</summary>
    public static string New(string complaintReference, string domain)
    {
        var left = UnsafeChars().Replace(complaintReference, "-").Trim('-', '.');
        var right = UnsafeChars().Replace(domain, "-").Trim('-', '.');
        var id = $"{(left.Length == 0 ? "mail" : left)}.{Guid.NewGuid():N}@{(right.Length == 0 ? "localhost" : right)}";
        EnsureValid(id);
        return id;
    }

    public static void EnsureValid(string messageId)
    {
        if (string.IsNullOrWhiteSpace(messageId) || !Valid().IsMatch(messageId))
        {
            throw new ArgumentException(
                $"Message-Id '{messageId}' must look like 'left@right' with letters, digits and . _ - + only.", nameof(messageId));
        }
    }

    [GeneratedRegex(@"[^A-Za-z0-9._+-]")]
    private static partial Regex UnsafeChars();

    [GeneratedRegex(@"^[A-Za-z0-9._+-]{1,200}@[A-Za-z0-9.-]{1,200}$")]
    private static partial Regex Valid();
}
