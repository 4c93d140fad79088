using Reclamations.Domain.Register;

namespace Reclamations.Web.Register;

/// <summary>The register's filters that the dashboard's links set (query-string names in French): <c>produit</c>, <c>canal</c>,
/// <c>assureur</c>, <c>personne</c>, <c>issue</c>, <c>ouverte</c>, <c>depassement</c>, <c>saisine</c>, <c>action</c>. A value
/// that is not one of the known ones is ignored, as the register's other filters are.</summary>
public sealed record RegisterReportFilters(string? Produit = null, ComplaintChannel? Canal = null, string? Assureur = null, string? Personne = null,
    string? Issue = null, bool? Ouverte = null, string? Depassement = null, ReferralBody? Saisine = null, string? Action = null)
{
    public static RegisterReportFilters From(IQueryCollection query) => new(
        Empty(query["produit"].FirstOrDefault()),
        Enum.TryParse<ComplaintChannel>(query["canal"].FirstOrDefault(), out var channel) ? channel : null,
        Empty(query["assureur"].FirstOrDefault()),
        Empty(query["personne"].FirstOrDefault()),
        Known(query["issue"].FirstOrDefault(), ComplaintFilter.Outcomes),
        query["ouverte"].FirstOrDefault() is "true" ? true : null,
        Known(query["depassement"].FirstOrDefault(), ComplaintFilter.Breaches),
        Enum.TryParse<ReferralBody>(query["saisine"].FirstOrDefault(), out var body) ? body : null,
        Known(query["action"].FirstOrDefault(), ComplaintFilter.Actions));

    /// <summary>The query-string pairs of the filters that are set.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Values()
    {
        yield return new("produit", Produit);
        yield return new("canal", Canal?.ToString());
        yield return new("assureur", Assureur);
        yield return new("personne", Personne);
        yield return new("issue", Issue);
        yield return new("ouverte", Ouverte == true ? "true" : null);
        yield return new("depassement", Depassement);
        yield return new("saisine", Saisine?.ToString());
        yield return new("action", Action);
    }

    /// <summary>French labels of the filters that are set (shown above the register).</summary>
    public IEnumerable<string> Labels()
    {
        if (Produit is not null) yield return $"produit « {Produit} »";
        if (Canal is { } canal) yield return $"canal {RegisterLabels.Channel(canal)}";
        if (Assureur is not null) yield return $"assureur « {Assureur} »";
        if (Personne is not null) yield return "personne concernée choisie";
        if (Issue is not null) yield return $"issue {Issue}";
        if (Ouverte == true) yield return "non clôturées";
        if (Depassement is not null) yield return $"délai dépassé ({Depassement})";
        if (Saisine is { } saisine) yield return saisine == ReferralBody.Mediator ? "médiateur" : "CAA";
        if (Action is not null) yield return $"action corrective ({Action})";
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Known(string? value, IReadOnlyList<string> known) => value is not null && known.Contains(value) ? value : null;
}
