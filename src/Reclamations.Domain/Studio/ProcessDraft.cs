namespace Reclamations.Domain.Studio;

/// <summary>A process diagram being edited in the studio, kept on the server until it is deployed or deleted: a process
/// owner may keep several, each with who created and last saved it and when.</summary>
public sealed class ProcessDraft
{
    public Guid Id { get; init; }

    /// <summary>The id of the diagram's (first executable) process, or the key it was started from.</summary>
    public required string ProcessKey { get; set; }

    /// <summary>The deployed version it was opened from (null: a new process or an imported file).</summary>
    public int? BasedOnVersion { get; set; }

    public string? Comment { get; set; }

    public required string Xml { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
