namespace Reclamations.Domain.Register;

/// <summary>A complaint category (edited by Admin, <see cref="CategoryCatalog"/>; the code is stored on complaints).</summary>
public sealed class Category
{
    public required string Code { get; init; }

    public required string Label { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The CAA reporting type it counts under: one of <see cref="CaaComplaintTypes"/> (required).</summary>
    public string CaaType { get; set; } = "";

    /// <summary>An inactive category is kept for the complaints that use it but offered to no new one.</summary>
    public bool IsActive { get; set; } = true;
}
