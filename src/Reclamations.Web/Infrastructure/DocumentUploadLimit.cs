using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Documents;
using Reclamations.Web.Engine;

namespace Reclamations.Web.Infrastructure;

/// <summary>Marks an endpoint or a page that receives documents: its request body may carry at most <see cref="Documents"/>
/// documents of the configured size (<c>Storage:MaxDocumentBytes</c>, or <see cref="MaxBytesEach"/> when smaller) plus a
/// small allowance for the form's other fields and multipart framing.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DocumentUploadAttribute : Attribute
{
    /// <summary>Room for multipart boundaries, part headers and the form's text fields.</summary>
    public const int FormAllowance = 64 * 1024;

    /// <summary>How many documents one request may carry.</summary>
    public int Documents { get; init; } = 1;

    /// <summary>A per-document limit below the store's (0: the store's).</summary>
    public long MaxBytesEach { get; init; }

    public long BodyLimit(DocumentStoreOptions store) =>
        Documents * (MaxBytesEach is > 0 ? Math.Min(MaxBytesEach, store.MaxSizeBytes) : store.MaxSizeBytes) + FormAllowance;
}

/// <summary>Refuses an upload over its limit with 413 before its body is buffered: a declared length over the limit at once
/// (nothing read), an undeclared one (chunked) as soon as the reading passes it (the server's limit and
/// <see cref="LimitedReadStream"/>, the mechanism of the deployment route). The form is read here, so that the refusal is a
/// 413 problem detail wherever the form would have been read later (antiforgery, the page, the handler); nothing is stored.</summary>
public static class DocumentUploadLimit
{
    public static IApplicationBuilder UseDocumentUploadLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var upload = context.GetEndpoint()?.Metadata.GetMetadata<DocumentUploadAttribute>();
        if (upload is null || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var store = context.RequestServices.GetRequiredService<DocumentStoreOptions>();
        var limit = upload.BodyLimit(store);
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await TooLarge(limit, store).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server) server.MaxRequestBodySize = limit;
        request.Body = new LimitedReadStream(request.Body, limit);
        if (request.HasFormContentType)
        {
            context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (IsTooLarge(e))
            {
                await TooLarge(limit, store).ExecuteAsync(context);
                return;
            }
            catch (InvalidDataException e)
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                    detail: $"Le formulaire envoyé est illisible : {e.Message}").ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    });

    private static bool IsTooLarge(Exception e) =>
        e is RequestBodyTooLargeException
        || e.InnerException is RequestBodyTooLargeException
        || e is InvalidDataException && e.Message.Contains("length limit", StringComparison.Ordinal) // FormOptions' multipart limit
        || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    private static ProblemHttpResult TooLarge(long limit, DocumentStoreOptions store)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large",
            detail: $"La requête dépasse {limit.ToString("N0", french)} octets : un document pèse au plus "
                    + $"{store.MaxSizeBytes.ToString("N0", french)} octets (Storage:MaxDocumentBytes), plus "
                    + $"{DocumentUploadAttribute.FormAllowance.ToString("N0", french)} octets pour les autres champs du formulaire.");
    }
}
