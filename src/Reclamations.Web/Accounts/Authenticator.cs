using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Reclamations.Web.Accounts;

/// <summary>Two-factor sign-in with an authenticator app (Identity's TOTP provider: 6 digits, 30-second steps): the shared
/// key as people type it, the <c>otpauth://</c> URI and its QR code (PNG, server-side), and the reset of a user's setup.</summary>
public static class Authenticator
{
    /// <summary>The enrolment and security page of every signed-in user.</summary>
    public const string PagePath = "/compte/double-authentification";

    /// <summary>The second step of the sign-in page (the code after a correct password).</summary>
    public const string CodePagePath = "/connexion/code";

    /// <summary>Recovery codes made at enrolment (each signs in once, in place of an authenticator code).</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The issuer shown by authenticator apps (<c>Accounts:AuthenticatorIssuer</c>).</summary>
    public const string DefaultIssuer = "Réclamations";

    /// <summary>The key in groups of four characters, as an app's "enter a key" screen takes it.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToUpperInvariant();
    }

    /// <summary>The key URI of Google Authenticator's format, which every authenticator app reads.</summary>
    public static string KeyUri(string issuer, string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>The URI as a QR code, a PNG data URI (allowed by the pages' Content-Security-Policy: <c>img-src data:</c>).</summary>
    public static string QrCodeDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>An authenticator code as typed (spaces or hyphens between the digits) reduced to its digits.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "").Replace("-", "").Trim();

    /// <summary>A recovery code as typed (spaces, lower case) in the form Identity keeps it (<c>XXXXX-XXXXX</c>).</summary>
    public static string NormalizeRecoveryCode(string? code) => (code ?? "").Replace(" ", "").Trim().ToUpperInvariant();

    /// <summary>Turns two-factor sign-in off: a new key (the old app's codes stop working), no recovery code left. The new
    /// security stamp ends the user's sessions and the devices they asked to be remembered.</summary>
    public static async Task<IdentityResult> ResetAsync(UserManager<AppUser> users, AppUser user)
    {
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded) result = await users.ResetAuthenticatorKeyAsync(user);
        if (result.Succeeded) await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return result;
    }
}
