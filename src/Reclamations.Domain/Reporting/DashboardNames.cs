using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting;

/// <summary>How the dashboard names what it counts: the firm's users by id (the persons involved; anyone not in it is counted
/// under <see cref="DashboardFigures.OtherPersons"/>), and the labels of statuses and channels (the host's French labels).</summary>
public sealed record DashboardNames(
    IReadOnlyDictionary<string, string> Users,
    Func<ComplaintStatus, string> Status,
    Func<ComplaintChannel, string> Channel)
{
    /// <summary>No users known, enum names as labels (tests, bench).</summary>
    public static DashboardNames Plain { get; } = new(new Dictionary<string, string>(), s => s.ToString(), c => c.ToString());
}
