using Reclamations.Domain.Register;

namespace Reclamations.Web.Register;

/// <summary>The register's filters, sort and page as query-string parameters (shared by the page and the exports).</summary>
public sealed record RegisterQueryString(string? Q, ComplaintStatus? Statut, string? Categorie, string? Profil, DateOnly? Du,
    DateOnly? Au, bool? EnRetard, RegisterSort? Tri, bool? Desc, int? Page)
{
    public const int PageSize = 50;

    /// <summary>The filters the dashboard's links add (product, channel, insurer, person, outcome, open, breach, referral, action).</summary>
    public RegisterReportFilters Report { get; init; } = new();

    public static RegisterQueryString From(IQueryCollection query) => new(
        query["q"].FirstOrDefault(),
        Enum.TryParse<ComplaintStatus>(query["statut"].FirstOrDefault(), out var status) ? status : null,
        Empty(query["categorie"].FirstOrDefault()),
        Empty(query["profil"].FirstOrDefault()),
        DateOnly.TryParse(query["du"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var from) ? from : null,
        DateOnly.TryParse(query["au"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var to) ? to : null,
        query["enRetard"].FirstOrDefault() == "true" ? true : null,
        Enum.TryParse<RegisterSort>(query["tri"].FirstOrDefault(), out var sort) ? sort : null,
        query["desc"].FirstOrDefault() is { } d ? d == "true" : null,
        int.TryParse(query["page"].FirstOrDefault(), out var page) && page > 0 ? page : null)
    {
        Report = RegisterReportFilters.From(query),
    };

    public RegisterPageQuery ToQuery(bool whole = false) => new()
    {
        Filter = new ComplaintFilter
        {
            Status = Statut, Category = Categorie, Profile = Profil, ReceivedFrom = Du, ReceivedTo = Au, Overdue = EnRetard,
            Product = Report.Produit, Channel = Report.Canal, Insurer = Report.Assureur, Person = Report.Personne, Outcome = Report.Issue,
            Open = Report.Ouverte, Breach = Report.Depassement, Referral = Report.Saisine, Action = Report.Action,
        },
        Search = Q,
        Sort = Tri ?? RegisterSort.ReceivedAt,
        Descending = Desc ?? true,
        Skip = whole ? 0 : ((Page ?? 1) - 1) * PageSize,
        Take = PageSize,
    };

    /// <summary>This query with other values, as a URL query string (for sort links, pages and exports).</summary>
    public string With(RegisterSort? sort = null, bool? descending = null, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["statut"] = Statut?.ToString(), ["categorie"] = Categorie, ["profil"] = Profil,
            ["du"] = Du?.ToString("yyyy-MM-dd"), ["au"] = Au?.ToString("yyyy-MM-dd"), ["enRetard"] = EnRetard == true ? "true" : null,
            ["tri"] = (sort ?? Tri)?.ToString(), ["desc"] = (descending ?? Desc)?.ToString().ToLowerInvariant(),
            ["page"] = (page ?? Page)?.ToString(),
        };
        foreach (var (key, value) in Report.Values()) values[key] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
