using System.Globalization;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting;

namespace Reclamations.Web.Dashboard;

/// <summary>The dashboard's query string (<c>from</c>, <c>to</c> as yyyy-MM-dd, <c>profile</c>, <c>category</c>, <c>product</c>),
/// shared by the page and <c>GET /api/reports/dashboard</c>. No dates: the twelve months ending today; only <c>to</c>: the twelve
/// months ending then; only <c>from</c>: up to today.</summary>
public static class DashboardRequest
{
    public static (DashboardFilter Filter, IReadOnlyList<FieldError> Errors) Parse(IQueryCollection query, DateOnly today)
    {
        var errors = new List<FieldError>();
        var from = Date(query, "from", errors);
        var to = Date(query, "to", errors) ?? (from is null ? today : (today < from ? from.Value : today));
        var filter = DashboardFilter.LastTwelveMonths(to) with
        {
            Profile = Text(query, "profile"), Category = Text(query, "category"), Product = Text(query, "product"),
        };
        if (from is { } f) filter = filter with { From = f };
        return (filter, errors.Concat(filter.Errors()).ToList());
    }

    private static DateOnly? Date(IQueryCollection query, string name, List<FieldError> errors)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new FieldError(name, $"« {text} » n'est pas une date (AAAA-MM-JJ)."));
        return null;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
