using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Engine.Api;

namespace Reclamations.Domain.Reporting.Annual;

/// <summary>The figures and tables of the annual documents (ACPR 2024-R-02 §8 synthesis, CAA reporting of seed 004, the
/// partner insurers' reports), computed from the register alone, as it stood at the end of the year (or now, for the current
/// year): the same year and scope give the same figures.</summary>
public sealed class AnnualReporting(IDbContextFactory<DomainDbContext> dbFactory, DeadlineProfileStore profiles, TimeProvider timeProvider,
    RegisterOptions options)
{
    /// <summary>The scope that takes every profile.</summary>
    public const string AllProfiles = "tous";

    private readonly TimeZoneInfo _zone = ZonedTime.FindZone(options.TimeZoneId, nameof(options));

    /// <summary>Resolves the year and scope (a profile code, a jurisdiction, or <see cref="AllProfiles"/> / empty).</summary>
    /// <exception cref="RegisterValidationException">The year is not a past or current year, or the scope is unknown.</exception>
    public async Task<AnnualScope> ScopeAsync(int year, string? scope, CancellationToken ct = default)
    {
        var now = timeProvider.GetUtcNow();
        var thisYear = ZonedTime.LocalDate(now, _zone).Year;
        if (year < 2000 || year > thisYear)
            throw new RegisterValidationException([new("year", $"L'année doit être comprise entre 2000 et {thisYear} (reçu : {year}).")]);
        var all = await profiles.ListAsync(ct);
        var asked = string.IsNullOrWhiteSpace(scope) ? AllProfiles : scope.Trim();
        List<string> codes;
        string label;
        if (string.Equals(asked, AllProfiles, StringComparison.OrdinalIgnoreCase))
        {
            asked = AllProfiles;
            codes = [.. all.Select(p => p.Code)];
            label = "Tous les profils";
        }
        else if (all.FirstOrDefault(p => string.Equals(p.Code, asked, StringComparison.OrdinalIgnoreCase)) is { } profile)
        {
            asked = profile.Code;
            codes = [profile.Code];
            label = $"{profile.Name} ({profile.Code})";
        }
        else if (all.Where(p => string.Equals(p.Jurisdiction, asked, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } ofJurisdiction)
        {
            asked = ofJurisdiction[0].Jurisdiction;
            codes = [.. ofJurisdiction.Select(p => p.Code)];
            label = asked switch { "FR" => "France", "LU" => "Luxembourg", _ => asked };
        }
        else
        {
            throw new RegisterValidationException([new("profile",
                $"Profil ou juridiction inconnu : « {asked} » (attendu : {string.Join(", ", all.Select(p => p.Code).Concat(all.Select(p => p.Jurisdiction)).Distinct())} ou {AllProfiles}).")]);
        }

        var start = ZonedTime.StartOfDay(new DateOnly(year, 1, 1), _zone);
        var end = ZonedTime.StartOfDay(new DateOnly(year + 1, 1, 1), _zone);
        var situation = end <= now ? end.AddTicks(-1) : now;
        return new AnnualScope(year, asked, label, codes, start, end, situation);
    }

    public async Task<AnnualFigures> FiguresAsync(int year, string? scope, CancellationToken ct = default)
    {
        var s = await ScopeAsync(year, scope, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await FactsAsync(db, s, ct);
        var situations = facts.ToDictionary(f => f.Id, f => ComplaintSituation.Of(f, s.SituationAt, _zone));
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var referrals = await ReferralsAsync(db, s, ct);
        var actions = await ActionsAsync(db, s, ct);
        var causes = await db.RootCauses.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var links = await db.RootCauseActions.AsNoTracking().GroupBy(l => l.RootCauseCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var complaints = facts.Where(f => f.Outcome != "notComplaint").ToList();
        DeadlineFigures Deadline(Func<ComplaintSituation, DeadlineState?> state)
        {
            var states = complaints.Select(f => state(situations[f.Id])).Where(x => x is not null).ToList();
            return new(states.Count(x => x == DeadlineState.Met), states.Count(x => x == DeadlineState.Missed), states.Count(x => x == DeadlineState.Pending));
        }

        var days = complaints.Select(f => situations[f.Id].AnswerDays).OfType<int>().Order().ToList();
        return new AnnualFigures
        {
            Year = year, Scope = s.Scope, ScopeLabel = s.Label, Profiles = s.Profiles,
            PeriodStart = new DateOnly(year, 1, 1), PeriodEnd = new DateOnly(year, 12, 31), SituationAt = s.SituationAt,
            Received = facts.Count,
            NotComplaints = facts.Count - complaints.Count,
            Reopened = situations.Values.Count(x => x.Reopened),
            ByMonth = [.. Enumerable.Range(1, 12).Select(m => new CountRow($"{m:00}",
                System.Globalization.CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetMonthName(m), situations.Values.Count(x => x.ReceivedOn.Month == m)))],
            ByCategory = [.. facts.GroupBy(f => f.Category).Select(g => new CountRow(g.Key, categories.GetValueOrDefault(g.Key)?.Label ?? g.Key, g.Count()))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)],
            ByChannel = [.. Enum.GetValues<ComplaintChannel>().Select(c => new CountRow(c.ToString(), AnnualLabels.Channel(c), facts.Count(f => f.Channel == c)))],
            ByCaaType = [.. CaaComplaintTypes.Labels.Select(t => new CountRow(t.Key, t.Value,
                facts.Count(f => categories.GetValueOrDefault(f.Category)?.CaaType == t.Key)))],
            Outcomes = [.. AnnualLabels.Outcomes.Select(o => new CountRow(o.Code, o.Label, situations.Values.Count(x => x.Outcome == o.Code)))],
            Acknowledgement = Deadline(x => x.Acknowledgement),
            Answer = Deadline(x => x.Answer),
            SecondLevel = Deadline(x => x.SecondLevel),
            AnswerTimes = new AnswerTimes(days.Count, Median(days), days.Count == 0 ? null : days[(int)Math.Ceiling(0.9 * days.Count) - 1]),
            SecondLevelCases = complaints.Count(f => situations[f.Id].SecondLevel is not null),
            MediatorCases = facts.Count(f => f.ReceivedThrough == ReferralBody.Mediator || referrals.Contains((f.Id, ReferralBody.Mediator))),
            CaaCases = facts.Count(f => f.ReceivedThrough == ReferralBody.Caa || referrals.Contains((f.Id, ReferralBody.Caa))),
            LitigationCases = situations.Values.Count(x => x.Litigation),
            Breaches = [.. new[] { "acknowledgement", "response", "responseDuringLitigation", "secondLevel" }
                .Select(b => new CountRow(b, AnnualLabels.Breach(b), facts.Count(f => f.DeadlineBreaches.Contains(b))))],
            ComplaintsWithDysfunction = facts.Count(f => f.HasDysfunction),
            SystemicComplaints = facts.Count(f => f.Systemic),
            RootCauses = [.. causes.Select(c => new CauseFigure(c.Code, c.Label, facts.Count(f => f.RootCauses.Contains(c.Code)),
                    facts.Count(f => f.Systemic && f.RootCauses.Contains(c.Code)), links.GetValueOrDefault(c.Code)))
                .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)],
            CorrectiveActionsByStatus = [.. Enum.GetValues<CorrectiveActionStatus>().Select(st =>
                new CountRow(st.ToString(), AnnualLabels.ActionStatus(st), actions.Count(a => a.Status == st.ToString())))],
            CorrectiveActions = [.. actions],
        };
    }

    /// <summary>The complaints received in the year, one row each, by reference (the CAA reporting's table).</summary>
    public async Task<IReadOnlyList<AnnualComplaintRow>> ComplaintRowsAsync(int year, string? scope, CancellationToken ct = default)
    {
        var s = await ScopeAsync(year, scope, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await FactsAsync(db, s, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var referrals = await ReferralsAsync(db, s, ct);
        var actionCounts = (await ActionsAsync(db, s, ct)).GroupBy(a => a.Reference).ToDictionary(g => g.Key, g => g.Count());
        return facts.Select(f =>
        {
            var x = ComplaintSituation.Of(f, s.SituationAt, _zone);
            var category = categories.GetValueOrDefault(f.Category);
            var caaType = category?.CaaType ?? "";
            return new AnnualComplaintRow(f.Reference, x.ReceivedOn, f.ProfileCode, AnnualLabels.Channel(f.Channel), category?.Label ?? f.Category, caaType,
                CaaComplaintTypes.Labels.GetValueOrDefault(caaType) ?? "", x.AcknowledgedOn, x.AnsweredOn, AnnualLabels.Outcome(x.Outcome),
                ComplaintSituation.Met(x.Acknowledgement), ComplaintSituation.Met(x.Answer), x.Reopened,
                f.ReceivedThrough == ReferralBody.Caa || referrals.Contains((f.Id, ReferralBody.Caa)), actionCounts.GetValueOrDefault(f.Reference));
        }).ToList();
    }

    /// <summary>The insurers named on the year's complaints (every profile), with their counts.</summary>
    public async Task<IReadOnlyList<InsurerCount>> InsurersAsync(int year, CancellationToken ct = default)
    {
        var s = await ScopeAsync(year, AllProfiles, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= s.Start && c.ReceivedAt < s.End && c.Insurer != null)
            .Select(c => c.Insurer!).ToListAsync(ct);
        return names.Select(n => n.Trim()).Where(n => n.Length > 0).GroupBy(n => n, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new InsurerCount(g.First(), g.Count())).OrderBy(i => i.Insurer, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The year's complaints about <paramref name="insurer"/>'s contracts (the insurer named on the complaint, case
    /// and surrounding spaces ignored), every profile, by reference; nothing about other insurers' clients.</summary>
    /// <exception cref="RegisterValidationException">No insurer named.</exception>
    public async Task<IReadOnlyList<InsurerComplaintRow>> InsurerRowsAsync(int year, string insurer, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(insurer) || insurer.Length > 200)
            throw new RegisterValidationException([new("insurer", "Le nom de l'assureur est obligatoire (200 caractères au plus).")]);
        var name = insurer.Trim();
        var s = await ScopeAsync(year, AllProfiles, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = (await FactsAsync(db, s, ct)).Where(f => string.Equals(f.Insurer?.Trim(), name, StringComparison.CurrentCultureIgnoreCase)).ToList();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var actions = (await ActionsAsync(db, s, ct)).GroupBy(a => a.Reference).ToDictionary(g => g.Key, g => g.ToList());
        return facts.Select(f =>
        {
            var x = ComplaintSituation.Of(f, s.SituationAt, _zone);
            var measures = string.Join(" ; ", (actions.GetValueOrDefault(f.Reference) ?? []).Select(a => $"{a.TypeLabel} : {a.Description} ({a.StatusLabel})"));
            return new InsurerComplaintRow(f.Reference, x.ReceivedOn, x.AcknowledgedOn, x.AnsweredOn, categories.GetValueOrDefault(f.Category)?.Label ?? f.Category,
                f.ProductOrService, f.ContractReference, AnnualLabels.Outcome(x.Outcome), ComplaintSituation.Met(x.Acknowledgement),
                ComplaintSituation.Met(x.Answer), measures);
        }).ToList();
    }

    /// <summary>Hex SHA-256 of the figures' JSON (the same year and scope give the same hash).</summary>
    public static string FiguresHash<T>(T figures) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(figures, AuditDiff.Json))));

    private static double? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;

    private static IQueryable<Complaint> InScope(DomainDbContext db, AnnualScope s) =>
        db.Complaints.AsNoTracking().Where(c => c.ReceivedAt >= s.Start && c.ReceivedAt < s.End && s.Profiles.Contains(c.ProfileCode));

    private static Task<List<ComplaintFacts>> FactsAsync(DomainDbContext db, AnnualScope s, CancellationToken ct) =>
        InScope(db, s).OrderBy(c => c.Reference).Select(c => new ComplaintFacts
        {
            Id = c.Id, Reference = c.Reference, ReceivedAt = c.ReceivedAt, Channel = c.Channel, Category = c.Category, ProfileCode = c.ProfileCode,
            ClockStart = c.ClockStart, AcknowledgementDueDate = c.AcknowledgementDueDate, AcknowledgedAt = c.AcknowledgedAt,
            ResponseDueDate = c.ResponseDueDate, AnsweredAt = c.AnsweredAt, ClosedAt = c.ClosedAt, Outcome = c.Outcome,
            DeadlineBreaches = c.DeadlineBreaches, Level = c.Level, HasSecondLevelDecision = c.SecondLevelDecision != null,
            ReopenCount = c.ReopenCount, ReopenedOn = c.ReopenedOn, ReceivedThrough = c.ReceivedThrough, LitigationStartedAt = c.LitigationStartedAt,
            HasDysfunction = c.Dysfunctions != null && c.Dysfunctions != "", RootCauses = c.RootCauses, Systemic = c.Systemic,
            ProductOrService = c.ProductOrService, ContractReference = c.ContractReference, Insurer = c.Insurer,
        }).ToListAsync(ct);

    private async Task<HashSet<(Guid, ReferralBody)>> ReferralsAsync(DomainDbContext db, AnnualScope s, CancellationToken ct)
    {
        var situationDay = ZonedTime.LocalDate(s.SituationAt, _zone);
        var rows = await (from r in db.Referrals.AsNoTracking()
                          join c in InScope(db, s) on r.ComplaintId equals c.Id
                          where r.ReferredOn <= situationDay
                          select new { r.ComplaintId, r.Body }).ToListAsync(ct);
        return [.. rows.Select(r => (r.ComplaintId, r.Body))];
    }

    /// <summary>The corrective measures of the year: decided by the situation date on a complaint of the scope's profiles, and
    /// received in the year or still open at its start (planned or done during the year), with their status at the situation
    /// date.</summary>
    private async Task<List<ActionFigure>> ActionsAsync(DomainDbContext db, AnnualScope s, CancellationToken ct)
    {
        var rows = await (from a in db.CorrectiveActions.AsNoTracking()
                          join c in db.Complaints.AsNoTracking() on a.ComplaintId equals c.Id
                          where s.Profiles.Contains(c.ProfileCode) && c.ReceivedAt < s.End
                                && (a.CreatedAt == null || a.CreatedAt <= s.SituationAt)
                                && (c.ReceivedAt >= s.Start || a.ClosedAt == null || a.ClosedAt >= s.Start)
                          orderby c.Reference, a.CreatedAt
                          select new { Action = a, c.Reference }).ToListAsync(ct);
        var situationDay = ZonedTime.LocalDate(s.SituationAt, _zone);
        return rows.Select(r =>
        {
            var a = r.Action;
            var closed = a.ClosedAt is { } at && at <= s.SituationAt;
            var status = closed ? a.Status : CorrectiveActionStatus.Open;
            return new ActionFigure(a.Type.ToString(), AnnualLabels.ActionType(a.Type), a.Description, status.ToString(), AnnualLabels.ActionStatus(status),
                a.DueDate, a.CreatedAt is { } c ? ZonedTime.LocalDate(c, _zone) : null, closed ? ZonedTime.LocalDate(a.ClosedAt!.Value, _zone) : null,
                status == CorrectiveActionStatus.Open && a.DueDate < situationDay, r.Reference);
        }).ToList();
    }
}
