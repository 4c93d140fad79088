using Microsoft.AspNetCore.Identity;

namespace Reclamations.Web.Accounts;

/// <summary>One demo user per role (Development only), password <see cref="Password"/>; listed in README.</summary>
public static class DemoUsers
{
    public const string Password = "Demo!2026";

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

    public static async Task EnsureAsync(UserManager<AppUser> users, ILogger logger)
    {
        foreach (var (email, name, jobTitle, role) in All)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, JobTitle = jobTitle };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
            logger.LogInformation("Demo user {Email} ({Role}) created", email, role);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
