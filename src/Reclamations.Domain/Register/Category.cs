namespace Reclamations.Domain.Register;

/// <summary>A complaint category (editable list; the code is stored on complaints).</summary>
public sealed class Category
{
    public required string Code { get; init; }

    public required string Label { get; set; }

    public int SortOrder { get; set; }
}
