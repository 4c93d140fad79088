using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Reclamations.Web.Infrastructure;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>, read by the Scalar page): the bearer scheme of
/// <c>POST /api/auth/login</c> is documented, and every operation that needs a signed-in user requires it.</summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The access token of POST /api/auth/login (or /api/auth/refresh), sent as Authorization: Bearer …",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
            return Task.CompletedTask;
        });
    });
}
