using Reclamations.Domain.Studio;

namespace Reclamations.Web.Studio;

/// <summary>A draft of the studio, its XML left out (<c>GET /api/studio/drafts/{id}/xml</c>).</summary>
public sealed record DraftResponse(Guid Id, string ProcessKey, int? BasedOnVersion, string? Comment, string CreatedBy,
    DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt)
{
    public static DraftResponse From(ProcessDraft d) =>
        new(d.Id, d.ProcessKey, d.BasedOnVersion, d.Comment, d.CreatedBy, d.CreatedAt, d.UpdatedBy, d.UpdatedAt);

    public static DraftResponse From(ProcessDraftSummary d) =>
        new(d.Id, d.ProcessKey, d.BasedOnVersion, d.Comment, d.CreatedBy, d.CreatedAt, d.UpdatedBy, d.UpdatedAt);
}

/// <summary>A document the engine would deploy: the keys of the processes it defines (a refused one is a 400 problem
/// detail listing <c>errors</c>: <c>{ elementId, message }</c>).</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<string> ProcessKeys);

/// <summary>The handler names the engine knows (service task topics and implementations, listener names): the designer's
/// lint refuses others, as the deployment does.</summary>
public sealed record KnownHandlers(IReadOnlyList<string> Topics, IReadOnlyList<string> ExecutionListeners, IReadOnlyList<string> TaskListeners);
