using Reclamations.Domain.Register;

namespace Reclamations.Domain.Reporting;

/// <summary>The dashboard's selection: complaints received from <see cref="From"/> to <see cref="To"/> (local dates in the firm's
/// zone, both included; the year and month of a complaint are those it was received in), optionally of one deadline profile
/// (FR-ACPR, LU-CAA), category and product.</summary>
public sealed record DashboardFilter
{
    /// <summary>The longest period the dashboard shows (months are its columns).</summary>
    public const int MaxMonths = 36;

    public const int MaxProductLength = 200;

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public string? Profile { get; init; }

    public string? Category { get; init; }

    public string? Product { get; init; }

    /// <summary>The twelve months that end with the month of <paramref name="today"/>.</summary>
    public static DashboardFilter LastTwelveMonths(DateOnly today) =>
        new() { From = new DateOnly(today.Year, today.Month, 1).AddMonths(-11), To = today };

    /// <summary>The first day of each month of the period, in order.</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) months.Add(m);
        return months;
    }

    /// <summary>What is wrong with this filter (empty: valid). Known codes are checked by the query against the database.</summary>
    public IReadOnlyList<FieldError> Errors()
    {
        var errors = new List<FieldError>();
        if (To < From) errors.Add(new FieldError("to", "La fin de la période (to) doit suivre son début (from)."));
        else if ((To.Year - From.Year) * 12 + To.Month - From.Month + 1 > MaxMonths)
            errors.Add(new FieldError("to", $"La période ne peut dépasser {MaxMonths} mois."));
        if (Product is { Length: > MaxProductLength })
            errors.Add(new FieldError("product", $"Le produit ne peut dépasser {MaxProductLength} caractères."));
        return errors;
    }
}
