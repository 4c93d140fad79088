namespace Reclamations.Domain.Workflow;

/// <summary>Where internal alerts go, by role code (configuration section <c>Notifications</c>, e.g. <c>"Direction": "direction@…"</c>).</summary>
public sealed record NotificationSettings(IReadOnlyDictionary<string, string> AddressesByRole)
{
    public string? AddressOf(string role) =>
        AddressesByRole.TryGetValue(role, out var address) && !string.IsNullOrWhiteSpace(address) ? address : null;
}
