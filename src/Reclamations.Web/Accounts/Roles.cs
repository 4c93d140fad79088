namespace Reclamations.Web.Accounts;

/// <summary>The roles of DESIGN.md (code names; the engine's candidate groups use the same names) and their French labels.</summary>
public static class Roles
{
    public const string ProcessOwner = "ProcessOwner";
    public const string ComplaintsOfficer = "ComplaintsOfficer";
    public const string Staff = "Staff";
    public const string Reviewer = "Reviewer";
    public const string Direction = "Direction";
    public const string LegalPartner = "LegalPartner";
    public const string Admin = "Admin";

    public static IReadOnlyDictionary<string, string> FrenchLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ProcessOwner] = "Responsable du processus",
        [ComplaintsOfficer] = "Responsable réclamations",
        [Staff] = "Collaborateur",
        [Reviewer] = "Examinateur",
        [Direction] = "Direction",
        [LegalPartner] = "Partenaire juridique",
        [Admin] = "Administrateur",
    };

    public static IReadOnlyList<string> All { get; } = [.. FrenchLabels.Keys];
}
