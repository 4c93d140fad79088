namespace Reclamations.Domain.Notifications;

/// <summary>Someone who receives the task digest: an active user who did not opt out, with an e-mail address and the groups
/// (roles) the engine's rules see them in.</summary>
public sealed record DigestRecipient(string UserId, string Email, string DisplayName, IReadOnlyCollection<string> Groups);
