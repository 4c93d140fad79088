namespace Reclamations.Domain.Audit;

/// <summary>The one row holding the chain's last sequence number and MAC: every writer updates it in its transaction, so
/// two writers cannot fork the chain, and rows deleted at the end of the chain are noticed.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Sequence { get; set; }

    public string Mac { get; set; } = "";
}
