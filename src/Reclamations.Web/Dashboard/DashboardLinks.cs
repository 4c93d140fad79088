using Microsoft.AspNetCore.WebUtilities;
using Reclamations.Domain.Reporting;

namespace Reclamations.Web.Dashboard;

/// <summary>Links from the dashboard's figures to the register filtered the same way (period, profile, category, product) and by
/// what the figure counts (month, category, channel, status, age, outcome, breach, product, insurer, person, action, referral).</summary>
public sealed class DashboardLinks(DashboardFigures figures)
{
    private readonly DashboardFilter _filter = figures.Filter;

    public string All() => Url();

    /// <summary>The complaints received in month <paramref name="index"/> of the period (clamped to it), with more filters.</summary>
    public string Month(int index, params (string Key, string? Value)[] more)
    {
        var start = figures.Months[index];
        var from = start < _filter.From ? _filter.From : start;
        var end = start.AddMonths(1).AddDays(-1);
        return Url(from, end > _filter.To ? _filter.To : end, more);
    }

    /// <summary>Open complaints received between <paramref name="bucket"/>'s ages (days before today), within the period.</summary>
    public string Age(AgeBucket bucket)
    {
        var to = figures.Today.AddDays(-bucket.MinDays);
        var from = bucket.MaxDays is { } max ? figures.Today.AddDays(-max) : _filter.From;
        return Url(from < _filter.From ? _filter.From : from, to > _filter.To ? _filter.To : to, ("ouverte", "true"));
    }

    public string With(params (string Key, string? Value)[] more) => Url(null, null, more);

    private string Url(DateOnly? from = null, DateOnly? to = null, params (string Key, string? Value)[] more)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("du", (from ?? _filter.From).ToString("yyyy-MM-dd")), new("au", (to ?? _filter.To).ToString("yyyy-MM-dd")),
            new("profil", _filter.Profile), new("categorie", _filter.Category), new("produit", _filter.Product),
        };
        foreach (var (key, value) in more)
        {
            values.RemoveAll(v => v.Key == key);
            values.Add(new(key, value));
        }

        return QueryHelpers.AddQueryString("/registre", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
