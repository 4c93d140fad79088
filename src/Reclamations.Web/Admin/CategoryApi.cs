using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Complaints;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Admin;

/// <summary>Editing the complaint categories (Admin): <c>POST /api/categories</c>, <c>PUT /api/categories/{code}</c>,
/// <c>DELETE /api/categories/{code}</c> (refused with 409 for a category in use: deactivate it), <c>GET /api/categories/history</c>.
/// The list itself, <c>GET /api/categories</c>, is for any signed-in user (ComplaintApi).</summary>
public static class CategoryApi
{
    /// <summary>A category as Admin enters it; <c>caaType</c> is one of the seven CAA types (required at creation).</summary>
    public sealed record CategoryRequest(string? Code, string? Label, string? CaaType, int? SortOrder, bool? IsActive);

    public sealed record CategoryChangeResponse(string Code, DateTimeOffset At, string User, string Action, string Details);

    public static IEndpointRouteBuilder MapCategoryApi(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/categories").WithTags("Categories").RequireAuthorization(Policies.Administers)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        categories.MapPost("/", CreateAsync).WithName("CreateCategory")
            .WithSummary("Adds a complaint category mapped to one of the seven CAA types (audited).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        categories.MapPut("/{code}", UpdateAsync).WithName("UpdateCategory")
            .WithSummary("Changes a category's label, CAA type, order or activity (null: unchanged; audited).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        categories.MapDelete("/{code}", DeleteAsync).WithName("DeleteCategory")
            .WithSummary("Deletes an unused category; one in use is refused (409): deactivate it instead.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        categories.MapGet("/history", HistoryAsync).WithName("CategoryHistory")
            .WithSummary("The latest edits of the category list (who, when, what).");
        return app;
    }

    private static async Task<Created<CategoryResponse>> CreateAsync(CategoryRequest request, HttpContext http, CategoryCatalog catalog,
        CancellationToken ct)
    {
        var category = await catalog.CreateAsync(new CategoryInput(request.Code, request.Label, request.CaaType, request.SortOrder, request.IsActive),
            http.GetActor().Id, ct);
        return TypedResults.Created($"/api/categories/{category.Code}", CategoryResponse.From(category));
    }

    private static async Task<Ok<CategoryResponse>> UpdateAsync(string code, CategoryRequest request, HttpContext http, CategoryCatalog catalog,
        CancellationToken ct) =>
        TypedResults.Ok(CategoryResponse.From(await catalog.UpdateAsync(code,
            new CategoryInput(request.Code, request.Label, request.CaaType, request.SortOrder, request.IsActive), http.GetActor().Id, ct)));

    private static async Task<NoContent> DeleteAsync(string code, HttpContext http, CategoryCatalog catalog, CancellationToken ct)
    {
        await catalog.DeleteAsync(code, http.GetActor().Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<CategoryChangeResponse>>> HistoryAsync(CategoryCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.HistoryAsync(ct)).Select(c => new CategoryChangeResponse(c.Code, c.At, c.User, c.Action, c.Details)).ToList());
}
