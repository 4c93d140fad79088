namespace Reclamations.Domain.Deadlines;

/// <summary>What the answer deadline's breach records while the litigation branch runs (a profile setting, copied into the
/// process at registration as <c>litigationBreachPolicy</c>).</summary>
public enum LitigationBreachPolicy
{
    /// <summary>Recorded as « dépassement pendant contentieux » (breach code <c>responseDuringLitigation</c>), distinct from a
    /// plain breach, without the complaints officer's breach task.</summary>
    RecordAsLitigation,

    /// <summary>The deadline is suspended by the litigation: nothing is recorded.</summary>
    Suspend,

    /// <summary>Recorded as a plain breach, with the complaints officer's task, as outside litigation.</summary>
    Record,
}
