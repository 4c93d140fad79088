using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Reclamations.Web.Public;

/// <summary>Bot protection without a third party: the form carries the time it was shown, signed (data protection); a
/// submission sooner than <see cref="MinimumFillTime"/> after it, or older than <see cref="MaximumAge"/>, or with a forged
/// token, is refused. A hidden honeypot field does the rest.</summary>
public sealed class FormTimeToken(IDataProtectionProvider provider)
{
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaximumAge = TimeSpan.FromHours(2);
    private readonly IDataProtector _protector = provider.CreateProtector("Reclamations.PublicForm.ShownAt");

    // Real time: the engine's simulation clock (Development) does not apply to people filling a form.
    private DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public string Issue() => IssueAt(Now);

    /// <summary>A token for a form shown at <paramref name="shownAt"/>.</summary>
    public string IssueAt(DateTimeOffset shownAt) => _protector.Protect(shownAt.UtcTicks.ToString(CultureInfo.InvariantCulture));

    public bool IsHuman(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        try
        {
            var shown = new DateTimeOffset(long.Parse(_protector.Unprotect(token), CultureInfo.InvariantCulture), TimeSpan.Zero);
            var age = Now - shown;
            return age >= MinimumFillTime && age <= MaximumAge;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return false;
        }
    }
}
