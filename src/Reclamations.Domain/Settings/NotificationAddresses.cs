namespace Reclamations.Domain.Settings;

/// <summary>Where the internal alerts of the workflow (topic <c>notify</c>) go, by role code (e.g. <c>Direction</c>): an
/// address, or none (the alert is then only audited).</summary>
public sealed record NotificationAddresses(IReadOnlyDictionary<string, string?> AddressesByRole)
{
    /// <summary>The roles the workflows alert (their <c>role</c> input of the notify steps).</summary>
    public static readonly IReadOnlyList<string> AlertedRoles = ["ComplaintsOfficer", "Direction"];

    public string? AddressOf(string role) =>
        AddressesByRole.TryGetValue(role, out var address) && !string.IsNullOrWhiteSpace(address) ? address : null;
}
