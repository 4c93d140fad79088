namespace Reclamations.Domain.Register;

/// <summary>One audited edit of the category list (who, when, what): categories belong to no complaint, so their trail is
/// kept here rather than in a complaint's audit chain.</summary>
public sealed class CategoryChange
{
    public long Id { get; internal set; }

    public required string Code { get; init; }

    public DateTimeOffset At { get; init; }

    public required string User { get; init; }

    /// <summary>Créée, Modifiée, Désactivée, Supprimée.</summary>
    public required string Action { get; init; }

    /// <summary>The changed fields, old → new (JSON).</summary>
    public string Details { get; init; } = "{}";
}
