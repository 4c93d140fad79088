using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Engine;

/// <summary>The request body of a deployment may not exceed the BPMN document limit (<c>Engine:MaxBpmnDocumentBytes</c>) plus a
/// small allowance for multipart framing: a declared length over it is refused at once, an undeclared one as soon as the
/// reading passes it (nothing larger is ever buffered).</summary>
internal static class DeploymentBody
{
    /// <summary>Room for multipart boundaries and part headers.</summary>
    public const int MultipartAllowance = 64 * 1024;

    public static long Limit(EngineOptions options) => (long)options.MaxBpmnDocumentBytes + MultipartAllowance;

    /// <summary>Applies the limit to the request; false when its declared length is already over it.</summary>
    public static bool Restrict(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return false;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            server.MaxRequestBodySize = limit;
        request.Body = new LimitedReadStream(request.Body, limit);
        return true;
    }

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Deployment too large",
        detail: $"A deployment request may carry at most {limit:N0} bytes: the BPMN document limit Engine:MaxBpmnDocumentBytes "
                + $"plus {MultipartAllowance:N0} bytes of multipart framing.");
}
