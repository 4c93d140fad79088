namespace Reclamations.Domain.Mail;

/// <summary>What one outbox pass did.</summary>
public sealed record OutboxRunResult(int Sent, int Retrying, int Failed);
