using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Dashboard;

/// <summary><c>GET /api/reports/dashboard?from=&amp;to=&amp;profile=&amp;category=&amp;product=</c>: the dashboard's figures (counts
/// only, no personal data; persons involved by their user display name), behind <see cref="Policies.ReadsReports"/>.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/dashboard", GetAsync).WithName("GetDashboard").WithTags("Reports")
            .WithSummary("The dashboard's figures for a period (default: the twelve months ending today), optionally of one profile, category and product.")
            .RequireAuthorization(Policies.ReadsReports)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Ok<DashboardFigures>> GetAsync(HttpContext http, DashboardQuery query, UserDirectory users, CancellationToken ct)
    {
        var (filter, errors) = DashboardRequest.Parse(http.Request.Query, query.Today);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        return TypedResults.Ok(await query.RunAsync(filter, await NamesAsync(users, ct), ct));
    }

    /// <summary>Users by display name, the register's French labels.</summary>
    public static async Task<DashboardNames> NamesAsync(UserDirectory users, CancellationToken ct) =>
        new(await users.NamesAsync(ct), Register.RegisterLabels.Status, Register.RegisterLabels.Channel);
}
