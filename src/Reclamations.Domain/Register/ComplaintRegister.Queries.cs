using Reclamations.Engine.Api;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Register;

/// <summary>Register queries: filters, paging and sorting on the server (indexed columns), streaming for exports.</summary>
public sealed partial class ComplaintRegister
{
    /// <summary>One page of the register and the total count of matching complaints.</summary>
    public async Task<RegisterPage> PageAsync(RegisterPageQuery page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Skip < 0) throw new RegisterValidationException([new FieldError("skip", "skip ne peut pas être négatif.")]);
        if (page.Take is < 1 or > RegisterPageQuery.MaxTake)
            throw new RegisterValidationException([new FieldError("take", $"take doit être compris entre 1 et {RegisterPageQuery.MaxTake}.")]);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Searched(Filtered(db, page.Filter), page.Search);
        var total = await query.CountAsync(cancellationToken);
        var items = await Sorted(query, page.Sort, page.Descending).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new RegisterPage(items, total);
    }

    /// <summary>Every complaint matching the query, in its order, read as a stream (exports of the whole register).</summary>
    public async IAsyncEnumerable<Complaint> StreamAsync(RegisterPageQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Sorted(Searched(Filtered(db, query.Filter), query.Search), query.Sort, query.Descending).AsAsyncEnumerable();
        await foreach (var complaint in rows.WithCancellation(cancellationToken)) yield return complaint;
    }

    /// <summary>The register's categories, in their order.</summary>
    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Label).ToListAsync(cancellationToken);
    }

    /// <summary>Complaints of the same complainant (name, case-insensitive) about the same contract received in the
    /// <paramref name="days"/> days before <paramref name="receivedAt"/>: a likely duplicate.</summary>
    public async Task<IReadOnlyList<Complaint>> LikelyDuplicatesAsync(string complainantName, string? contractReference,
        DateTimeOffset receivedAt, int days = 30, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(complainantName) || string.IsNullOrWhiteSpace(contractReference)) return [];
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var since = receivedAt.AddDays(-days);
        var name = complainantName.Trim();
        var contract = contractReference.Trim();
        return await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAt >= since && c.ContractReference == contract && EF.Functions.Like(c.Complainant.Name, name))
            .OrderByDescending(c => c.ReceivedAt).Take(5).ToListAsync(cancellationToken);
    }

    private IQueryable<Complaint> Filtered(DomainDbContext db, ComplaintFilter filter)
    {
        var query = db.Complaints.AsNoTracking();
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrEmpty(filter.Category)) query = query.Where(c => c.Category == filter.Category);
        if (!string.IsNullOrEmpty(filter.Profile)) query = query.Where(c => c.ProfileCode == filter.Profile);
        if (filter.ReceivedFrom is { } from)
        {
            var start = ZonedTime.AtLocal(from.ToDateTime(TimeOnly.MinValue), _firmZone);
            query = query.Where(c => c.ReceivedAt >= start);
        }

        if (filter.ReceivedTo is { } to)
        {
            var end = DeadlineCalculator.EndOfDay(to, _firmZone);
            query = query.Where(c => c.ReceivedAt < end);
        }

        if (filter.Overdue is { } overdue)
        {
            var today = LocalDate(_timeProvider.GetUtcNow(), _firmZone);
            query = overdue
                ? query.Where(c => c.ResponseDueDate < today && c.AnsweredAt == null && c.Status != ComplaintStatus.Closed)
                : query.Where(c => !(c.ResponseDueDate < today && c.AnsweredAt == null && c.Status != ComplaintStatus.Closed));
        }

        return ReportFiltered(db, query, filter);
    }

    /// <summary>The filters the dashboard's links add (same definitions as <see cref="Reporting.DashboardSql"/>).</summary>
    private IQueryable<Complaint> ReportFiltered(DomainDbContext db, IQueryable<Complaint> query, ComplaintFilter filter)
    {
        if (!string.IsNullOrEmpty(filter.Product)) query = query.Where(c => c.ProductOrService == filter.Product);
        if (filter.Channel is { } channel) query = query.Where(c => c.Channel == channel);
        if (!string.IsNullOrEmpty(filter.Insurer)) query = query.Where(c => c.Insurer == filter.Insurer);
        if (!string.IsNullOrEmpty(filter.Person)) query = query.Where(c => c.PersonsInvolved.Contains(filter.Person));
        if (filter.Open is { } open) query = open ? query.Where(c => c.Status != ComplaintStatus.Closed) : query.Where(c => c.Status == ComplaintStatus.Closed);
        query = filter.Outcome switch
        {
            "litigation" => query.Where(c => c.LitigationStartedAt != null || c.Outcome == "legalThreat"),
            "pending" => query.Where(c => c.LitigationStartedAt == null && (c.Outcome == null || (c.Outcome != "legalThreat" && !ComplaintFilter.Outcomes.Contains(c.Outcome)))),
            { } outcome when ComplaintFilter.Outcomes.Contains(outcome) => query.Where(c => c.LitigationStartedAt == null && c.Outcome == outcome),
            _ => query,
        };
        query = filter.Breach switch
        {
            "response" => query.Where(c => c.DeadlineBreaches.Contains("response") || c.DeadlineBreaches.Contains("responseDuringLitigation")),
            "acknowledgement" or "secondLevel" => query.Where(c => c.DeadlineBreaches.Contains(filter.Breach)),
            _ => query,
        };
        if (filter.Referral is { } body)
            query = query.Where(c => c.ReceivedThrough == body || db.Referrals.Any(r => r.ComplaintId == c.Id && r.Body == body));
        if (filter.Action is { } action && ComplaintFilter.Actions.Contains(action))
        {
            var today = LocalDate(_timeProvider.GetUtcNow(), _firmZone);
            var actions = db.CorrectiveActions.AsQueryable();
            actions = action switch
            {
                "open" => actions.Where(a => a.Status == CorrectiveActionStatus.Open && (a.DueDate == null || a.DueDate >= today)),
                "overdue" => actions.Where(a => a.Status == CorrectiveActionStatus.Open && a.DueDate < today),
                "done" => actions.Where(a => a.Status == CorrectiveActionStatus.Done),
                _ => actions.Where(a => a.Status == CorrectiveActionStatus.Cancelled),
            };
            query = query.Where(c => actions.Any(a => a.ComplaintId == c.Id));
        }

        return query;
    }

    private static IQueryable<Complaint> Searched(IQueryable<Complaint> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return query;
        var text = search.Trim();
        return query.Where(c => EF.Functions.Like(c.Reference, $"%{text}%") || EF.Functions.Like(c.Complainant.Name, $"%{text}%")
                                || EF.Functions.Like(c.Subject, $"%{text}%"));
    }

    private static IQueryable<Complaint> Sorted(IQueryable<Complaint> query, RegisterSort sort, bool descending) => (sort, descending) switch
    {
        (RegisterSort.Reference, false) => query.OrderBy(c => c.Reference),
        (RegisterSort.Reference, true) => query.OrderByDescending(c => c.Reference),
        (RegisterSort.ResponseDueDate, false) => query.OrderBy(c => c.ResponseDueDate).ThenBy(c => c.Reference),
        (RegisterSort.ResponseDueDate, true) => query.OrderByDescending(c => c.ResponseDueDate).ThenByDescending(c => c.Reference),
        (RegisterSort.Status, false) => query.OrderBy(c => c.Status).ThenBy(c => c.Reference),
        (RegisterSort.Status, true) => query.OrderByDescending(c => c.Status).ThenByDescending(c => c.Reference),
        (_, false) => query.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Reference),
        _ => query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Reference),
    };
}
