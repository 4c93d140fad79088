namespace Reclamations.Domain.Register;

/// <summary>The register's sortable columns (each backed by an index).</summary>
public enum RegisterSort
{
    Reference,
    ReceivedAt,
    ResponseDueDate,
    Status,
}
