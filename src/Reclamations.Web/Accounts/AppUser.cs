using Microsoft.AspNetCore.Identity;

namespace Reclamations.Web.Accounts;

/// <summary>A person of the firm who signs in: an Identity user with the name and function printed on letters.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>First and last name, as letters and the register show them.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Function in the firm (e.g. "Responsable réclamations"), printed under the name on letters.</summary>
    public string? JobTitle { get; set; }

    /// <summary>A deactivated user cannot sign in; their past actions stay attributed to them.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The user asked not to receive the digest mail of new tasks in their groups (<c>/compte/notifications</c>).</summary>
    public bool TaskDigestOptOut { get; set; }
}
