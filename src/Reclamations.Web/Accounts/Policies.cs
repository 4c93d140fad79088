using Microsoft.AspNetCore.Authorization;

namespace Reclamations.Web.Accounts;

/// <summary>The authorisation policies of the pages and routes, by role (DESIGN.md). Every route names one, or is
/// explicitly anonymous; the matrix test checks both.</summary>
public static class Policies
{
    /// <summary>The roles that handle complaints and so may read their personal data.</summary>
    public const string HandlesComplaints = nameof(HandlesComplaints);

    /// <summary>Register readers: those who handle complaints, and the process owner (personal data masked).</summary>
    public const string ReadsRegister = nameof(ReadsRegister);

    /// <summary>Process definitions, deadline profiles, templates, settings.</summary>
    public const string ManagesProcess = nameof(ManagesProcess);

    /// <summary>Engine operations (jobs, incidents, instance modification).</summary>
    public const string Operates = nameof(Operates);

    /// <summary>Users and roles.</summary>
    public const string Administers = nameof(Administers);

    /// <summary>The litigation branch (its tasks, variables, letters, documents).</summary>
    public const string Litigation = nameof(Litigation);

    /// <summary>Compliance: the audit chain's verification, legal holds, the complainant's right of access (RGPD art. 15):
    /// the person responsible for complaints and the administrator.</summary>
    public const string Compliance = nameof(Compliance);

    /// <summary>The inspector's export of a case file: compliance, and Direction who answers the supervisor.</summary>
    public const string ExportsCaseFile = nameof(ExportsCaseFile);

    /// <summary>Keeping a case file's external steps: referrals to / from the mediator and the CAA, reopening a closed
    /// complaint (Staff and the complaints officer).</summary>
    public const string KeepsCaseFile = nameof(KeepsCaseFile);

    /// <summary>The dashboard and the reports (figures only): the complaints officer, Direction, the process owner, the
    /// administrator.</summary>
    public const string ReadsReports = nameof(ReadsReports);

    /// <summary>The recurring-cause analysis page: the complaints officer and Direction.</summary>
    public const string AnalysesRootCauses = nameof(AnalysesRootCauses);

    /// <summary>The list of root causes and their links to corrective actions: the complaints officer and the administrator.</summary>
    public const string ManagesRootCauses = nameof(ManagesRootCauses);

    /// <summary>Giving a complaint its root causes and the "systemic" flag, writing the annual analysis: the complaints officer.</summary>
    public const string AnalysesComplaints = nameof(AnalysesComplaints);

    public static readonly string[] ComplaintHandlers =
        [Roles.Staff, Roles.ComplaintsOfficer, Roles.Reviewer, Roles.Direction, Roles.LegalPartner];

    public static readonly string[] LitigationRoles = [Roles.LegalPartner, Roles.Direction];

    public static AuthorizationBuilder AddReclamationsPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(HandlesComplaints, p => p.RequireRole(ComplaintHandlers))
        .AddPolicy(ReadsRegister, p => p.RequireRole([.. ComplaintHandlers, Roles.ProcessOwner]))
        .AddPolicy(ManagesProcess, p => p.RequireRole(Roles.ProcessOwner, Roles.Admin))
        .AddPolicy(Operates, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Administers, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Litigation, p => p.RequireRole(LitigationRoles))
        .AddPolicy(Compliance, p => p.RequireRole(Roles.ComplaintsOfficer, Roles.Admin))
        .AddPolicy(KeepsCaseFile, p => p.RequireRole(Roles.Staff, Roles.ComplaintsOfficer))
        .AddPolicy(ExportsCaseFile, p => p.RequireRole(Roles.ComplaintsOfficer, Roles.Direction, Roles.Admin))
        .AddPolicy(ReadsReports, p => p.RequireRole(Roles.ComplaintsOfficer, Roles.Direction, Roles.ProcessOwner, Roles.Admin))
        .AddPolicy(AnalysesRootCauses, p => p.RequireRole(Roles.ComplaintsOfficer, Roles.Direction))
        .AddPolicy(ManagesRootCauses, p => p.RequireRole(Roles.ComplaintsOfficer, Roles.Admin))
        .AddPolicy(AnalysesComplaints, p => p.RequireRole(Roles.ComplaintsOfficer));
}
