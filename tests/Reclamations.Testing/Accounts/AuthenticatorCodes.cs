using OtpNet;

namespace Reclamations.Testing.Accounts;

/// <summary>What an authenticator app shows for a shared key (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, as
/// ASP.NET Core Identity's authenticator provider checks), computed with Otp.NET on the real clock (Identity's provider
/// reads it too; it accepts the codes of two steps either side).</summary>
public static class AuthenticatorCodes
{
    /// <summary>The code shown now for <paramref name="key"/> (base32, spaces allowed, as the security page shows it).</summary>
    public static string Current(string key) => Totp(key).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);

    /// <summary>A 6-digit code Identity refuses now: none of the codes of the steps it accepts (and one more either side).</summary>
    public static string Wrong(string key)
    {
        var totp = Totp(key);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var valid = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(now.AddSeconds(30 * step))).ToHashSet();
        var code = 123456;
        while (valid.Contains(code.ToString("D6"))) code++;
        return code.ToString("D6");
    }

    private static Totp Totp(string key) => new(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant()));
}
