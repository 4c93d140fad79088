namespace Reclamations.Domain.Reporting.RootCauses;

/// <summary>A root cause of complaints, from the editable list the complaints officer keeps (seed 004: « identifier la cause
/// des réclamations individuelles afin d'identifier les origines communes »); its code is stored on the complaints.</summary>
public sealed class RootCause
{
    public required string Code { get; init; }

    public required string Label { get; set; }

    public string? Description { get; set; }

    /// <summary>The procedures, processes or products the cause may also affect (seed 004: « si ces mêmes causes sont
    /// susceptibles d'affecter d'autres procédures »), free text, one per line.</summary>
    public string? AffectedProcedures { get; set; }

    public int SortOrder { get; set; }

    /// <summary>An inactive cause stays on its complaints but is offered to no new one.</summary>
    public bool IsActive { get; set; } = true;
}
