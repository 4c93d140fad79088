using Microsoft.AspNetCore.Identity;

namespace Reclamations.Web.Accounts;

/// <summary>One demo user per role (Development only), password <see cref="Password"/>; listed in README. The demo
/// administrator signs in with two-factor sign-in on the fixed, documented <see cref="AdminAuthenticatorKey"/> (the Admin
/// role requires it), so that demos and browser tests compute its codes.</summary>
public static class DemoUsers
{
    public const string Password = "Demo!2026";

    /// <summary>The demo administrator's authenticator key (base32; Development and demo data only, never a real account).</summary>
    public const string AdminAuthenticatorKey = "DEMOADMINRECLAMATIONSTOTPKEY2345";

    public static IReadOnlyList<(string Email, string Name, string JobTitle, string Role)> All { get; } =
    [
        ("owner@demo.local", "Paul Moreau", "Responsable conformité", Roles.ProcessOwner),
        ("officer@demo.local", "Claire Martin", "Responsable réclamations", Roles.ComplaintsOfficer),
        ("staff@demo.local", "Julien Bernard", "Gestionnaire", Roles.Staff),
        ("reviewer@demo.local", "Sophie Lefèvre", "Examinatrice indépendante", Roles.Reviewer),
        ("direction@demo.local", "Henri Dubois", "Directeur général", Roles.Direction),
        ("legal@demo.local", "Anne Girard", "Associée responsable de la police RC professionnelle", Roles.LegalPartner),
        ("admin@demo.local", "Marc Petit", "Administrateur", Roles.Admin),
    ];

    public static async Task EnsureAsync(UserManager<AppUser> users, IUserAuthenticatorKeyStore<AppUser> keys, ILogger logger)
    {
        foreach (var (email, name, jobTitle, role) in All)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, JobTitle = jobTitle };
                Check(await users.CreateAsync(user, Password), email);
                Check(await users.AddToRoleAsync(user, role), email);
                logger.LogInformation("Demo user {Email} ({Role}) created", email, role);
            }
            // The demo administrator gets the documented key unless it has a setup of its own.
            if (role == Roles.Admin && string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                await keys.SetAuthenticatorKeyAsync(user, AdminAuthenticatorKey, CancellationToken.None);
                Check(await users.SetTwoFactorEnabledAsync(user, true), email);
                logger.LogInformation("Demo user {Email} signs in with the demo authenticator key", email);
            }
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
