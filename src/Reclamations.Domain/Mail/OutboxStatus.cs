namespace Reclamations.Domain.Mail;

public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>Delivered; never sent again.</summary>
    Sent,

    /// <summary>Gave up after the policy's maximum number of attempts.</summary>
    Failed,
}
