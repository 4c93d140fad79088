using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Reporting.RootCauses;

/// <summary>The recurring causes over a period (count, trend against the previous period of the same length, the actions
/// decided against each) and the groups of complaints that share a cause, a product or a person involved (seed 004: « les
/// origines communes à certains types de réclamations »). Complaints count in the period they were received in.</summary>
public sealed class RootCauseAnalysis(IDbContextFactory<DomainDbContext> dbFactory, RootCauseCatalog catalog, RegisterOptions options)
{
    private readonly TimeZoneInfo _zone = ZonedTime.FindZone(options.TimeZoneId, nameof(options));

    /// <exception cref="RegisterValidationException">The period is empty or longer than ten years.</exception>
    public async Task<RootCauseReport> AnalyseAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (to < from) throw new RegisterValidationException([new("to", "La fin de la période précède son début.")]);
        if (to.DayNumber - from.DayNumber > 3660) throw new RegisterValidationException([new("from", "La période ne doit pas dépasser dix ans.")]);
        var days = to.DayNumber - from.DayNumber + 1;
        var previousFrom = from.AddDays(-days);
        var rows = await RowsAsync(previousFrom, to, ct);
        var current = rows.Where(r => r.Day >= from).ToList();
        var previous = rows.Where(r => r.Day < from).ToList();
        var causes = (await catalog.ListAsync(true, ct)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        var actions = await catalog.ActionsAsync(ct);
        var recurring = causes.Values
            .Select(cause =>
            {
                var withCause = current.Where(r => r.RootCauses.Contains(cause.Code)).ToList();
                var before = previous.Count(r => r.RootCauses.Contains(cause.Code));
                return new RecurringCause(cause.Code, cause.Label, cause.AffectedProcedures, withCause.Count, before, withCause.Count - before,
                    withCause.Count(r => r.Systemic), actions.GetValueOrDefault(cause.Code) ?? [],
                    withCause.Select(r => r.Reference).OrderBy(r => r, StringComparer.Ordinal).ToList());
            })
            .Where(c => c.Count > 0 || c.PreviousCount > 0 || c.Actions.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        return new RootCauseReport(from, to, previousFrom, from.AddDays(-1), current.Count, current.Count(r => r.RootCauses.Count > 0),
            current.Count(r => r.Systemic), recurring,
            Groups(current, r => r.ProductOrService is { Length: > 0 } p ? [p] : []),
            Groups(current, r => r.PersonsInvolved));
    }

    private static List<ComplaintGroup> Groups(List<Row> rows, Func<Row, IEnumerable<string>> keys) =>
        rows.SelectMany(r => keys(r).Select(k => (Key: k.Trim(), r.Reference)))
            .GroupBy(x => x.Key, StringComparer.CurrentCultureIgnoreCase)
            .Where(g => g.Select(x => x.Reference).Distinct().Count() >= 2)
            .Select(g => new ComplaintGroup(g.First().Key, g.Select(x => x.Reference).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList()))
            .OrderByDescending(g => g.References.Count).ThenBy(g => g.Key, StringComparer.CurrentCulture).ToList();

    private async Task<List<Row>> RowsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = ZonedTime.StartOfDay(from, _zone);
        var end = ZonedTime.EndOfDay(to, _zone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new { c.Reference, c.ReceivedAt, c.RootCauses, c.Systemic, c.ProductOrService, c.PersonsInvolved })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.Reference, ZonedTime.LocalDate(r.ReceivedAt, _zone), r.RootCauses, r.Systemic, r.ProductOrService, r.PersonsInvolved))
            .ToList();
    }

    private sealed record Row(string Reference, DateOnly Day, List<string> RootCauses, bool Systemic, string? ProductOrService, List<string> PersonsInvolved);
}

/// <summary>The analysis of a period: how many complaints were received, how many have a cause, the recurring causes, the
/// groups by product and by person involved (two complaints or more).</summary>
public sealed record RootCauseReport(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, int Complaints, int WithCause,
    int Systemic, IReadOnlyList<RecurringCause> Causes, IReadOnlyList<ComplaintGroup> ByProduct, IReadOnlyList<ComplaintGroup> ByPerson);

/// <summary>A cause over the period: its count, the previous period's, the trend (difference), how many were flagged systemic,
/// the corrective actions linked to it and the complaints that share it.</summary>
public sealed record RecurringCause(string Code, string Label, string? AffectedProcedures, int Count, int PreviousCount, int Trend,
    int SystemicCount, IReadOnlyList<CorrectiveAction> Actions, IReadOnlyList<string> References);

public sealed record ComplaintGroup(string Key, IReadOnlyList<string> References);
