using Reclamations.Engine.Api;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>The register follows the workflow: acknowledgement, answer, breaches, delay letters, status and closing are
/// written in the engine step's transaction (topics record-*), each change audited. The acknowledgement and the answer
/// also tell the process (variables <c>acknowledged</c>, <c>answered</c>) so that its deadline watches stand down, and the
/// answer gives the date until which the client's reaction is awaited (<c>clientReplyDueAt</c>, from the profile version
/// the complaint records).</summary>
public sealed class RegisterUpdateHandler(ComplaintRegister register) : IServiceTaskHandler
{
    public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var variables = context.Variables;
        var id = WorkflowVariables.ComplaintId(variables);
        await using var db = DomainDb.On(context);
        if (context.Topic == ComplaintProcess.Topics.RecordFollowUp)
        {
            await RecordFollowUpAsync(db, id, variables, cancellationToken);
            return null;
        }
        var profile = await register.ProfileOfAsync(db, id, cancellationToken);
        var zone = ZonedTime.FindZone(profile.TimeZoneId, nameof(profile));
        var (action, change) = context.Topic switch
        {
            // The dates themselves are the day the letter left (LetterRegisterDates: SMTP acceptance, posting date).
            ComplaintProcess.Topics.RecordAcknowledgement => ("Accusé de réception écrit", (Action<Complaint>)(_ => { })),
            ComplaintProcess.Topics.RecordAnswer => ("Réponse écrite", c =>
            {
                c.Outcome = WorkflowVariables.OptionalText(variables, "reviewOutcome") ?? c.Outcome;
                c.Reviewer = WorkflowVariables.OptionalText(variables, "reviewer") ?? c.Reviewer;
                // Every measure documented as a field of the register (seeds 000, 004), not only as a process variable.
                c.ReviewFindings = WorkflowVariables.OptionalText(variables, "findings") ?? c.ReviewFindings;
                c.MeetingDate = WorkflowVariables.OptionalDate(variables, "meetingDate", zone) ?? c.MeetingDate;
                c.MeetingSummary = WorkflowVariables.OptionalText(variables, "meetingSummary") ?? c.MeetingSummary;
                c.OfferText = WorkflowVariables.OptionalText(variables, "offerText") ?? c.OfferText;
                c.OfferAmount = WorkflowVariables.Optional(variables, "offerAmount") is long amount ? amount : c.OfferAmount;
                // After litigation, the letter the client received (never the litigation's outcome: restricted).
                c.AnswerSummary = WorkflowVariables.OptionalText(variables, "litigationAnswerText")
                                  ?? WorkflowVariables.OptionalText(variables, "answerSummary")
                                  ?? WorkflowVariables.OptionalText(variables, "offerText")
                                  ?? c.AnswerSummary;
            }),
            ComplaintProcess.Topics.RecordDelay => DelayOf(profile, zone, variables),
            ComplaintProcess.Topics.RecordBreach => BreachOf(WorkflowVariables.Text(context.Inputs, "deadline")),
            ComplaintProcess.Topics.RecordLateReasons => ("Dépassement du délai de réponse : raisons documentées", c =>
                c.LateAnswerReasons = WorkflowVariables.OptionalText(variables, "lateAnswerReasons") ?? c.LateAnswerReasons),
            ComplaintProcess.Topics.RecordApproval => ApprovalOf(WorkflowVariables.Text(context.Inputs, "step"), variables),
            ComplaintProcess.Topics.RecordStatus => StatusOf(WorkflowVariables.Text(context.Inputs, "status")),
            ComplaintProcess.Topics.RecordClosing => ClosingOf(WorkflowVariables.Text(context.Inputs, "reason"), context.Now, variables),
            _ => throw new InvalidOperationException($"Sujet inconnu pour le registre : « {context.Topic} »."),
        };
        var complaint = await register.UpdateAsync(db, id, ComplaintProcess.WorkflowUser, action, change, cancellationToken: cancellationToken);
        return context.Topic switch
        {
            ComplaintProcess.Topics.RecordAcknowledgement => new Dictionary<string, object?> { ["acknowledged"] = true },
            ComplaintProcess.Topics.RecordAnswer => new Dictionary<string, object?>
            {
                ["answered"] = true,
                ["clientReplyDueAt"] = ZonedTime.EndOfDay(profile.ClientReplyPeriod.AddTo(ZonedTime.LocalDate(complaint.AnsweredAt ?? context.Now, zone),
                    new Calendars.WorkingDayCalendar(profile.CalendarKind, profile.HolidayRegion)), zone),
            },
            _ => null,
        };
    }

    /// <summary>The closing task's follow-up: dysfunctions, the corrective actions' summary and lessons into the register
    /// (each action itself is recorded with its type, owner and due date from the task's page: CorrectiveActionService).</summary>
    private async Task RecordFollowUpAsync(DomainDbContext db, Guid id, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        var dysfunctions = WorkflowVariables.OptionalText(variables, "dysfunctions");
        var actions = WorkflowVariables.OptionalText(variables, "correctiveActions");
        var lessons = WorkflowVariables.OptionalText(variables, "lessons");
        var summary = string.Join("\n", new[]
            {
                dysfunctions,
                string.IsNullOrWhiteSpace(actions) ? null : $"Actions correctives : {actions}",
                string.IsNullOrWhiteSpace(lessons) ? null : $"Enseignements : {lessons}",
            }
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        if (summary.Length > 0)
            await register.UpdateAsync(db, id, ComplaintProcess.WorkflowUser, "Suivi : dysfonctionnements, actions correctives et enseignements",
                c => c.Dysfunctions = summary, cancellationToken: ct);
    }

    /// <summary>A delay letter: the answer date it announces, and (LU-CAA) the external recourse date postponed as much.</summary>
    private static (string, Action<Complaint>) DelayOf(DeadlineProfile profile, TimeZoneInfo zone, IReadOnlyDictionary<string, object?> variables) =>
        ("Courrier d'attente : date de réponse annoncée", c =>
    {
        var expected = WorkflowVariables.OptionalDate(variables, "expectedDate", zone)
                       ?? throw new InvalidOperationException("La variable « expectedDate » manque ou n'est pas une date.");
        c.ExternalRecourseFrom = DeadlineCalculator.ExternalRecourseFromAfterDelay(profile, c.ExternalRecourseFrom,
            c.AnswerExpectedOn is { } previous && previous > c.ResponseDueDate ? previous : c.ResponseDueDate, expected);
        c.AnswerExpectedOn = expected;
        c.DelayReasons = WorkflowVariables.OptionalText(variables, "delayReasons") ?? c.DelayReasons;
    });

    private static (string, Action<Complaint>) BreachOf(string deadline)
    {
        var label = deadline switch
        {
            "acknowledgement" => "accusé de réception",
            "response" => "réponse",
            "secondLevel" => "second niveau",
            "responseDuringLitigation" => "réponse, dépassement pendant contentieux",
            _ => throw new InvalidOperationException($"Échéance inconnue : « {deadline} »."),
        };
        return ($"Délai dépassé : {label}", c =>
        {
            if (!c.DeadlineBreaches.Contains(deadline)) c.DeadlineBreaches = [.. c.DeadlineBreaches, deadline];
        });
    }

    /// <summary>An approval step's signature (who, when: set by the approval-signature listener) into the register.</summary>
    private static (string, Action<Complaint>) ApprovalOf(string step, IReadOnlyDictionary<string, object?> variables)
    {
        var by = WorkflowVariables.Text(variables, "approvedBy");
        var at = WorkflowVariables.Optional(variables, "approvedAt") as DateTimeOffset?
                 ?? throw new InvalidOperationException("La variable « approvedAt » manque ou n'est pas une date.");
        return step switch
        {
            "directionValidation" => ("Réponse validée par la Direction", c => (c.AnswerValidatedBy, c.AnswerValidatedAt) = (by, at)),
            "countersign" => ("Réponse contresignée par le responsable réclamations", c => (c.AnswerCountersignedBy, c.AnswerCountersignedAt) = (by, at)),
            "offerApproval" => ("Offre approuvée par l'associé RC professionnelle", c => (c.OfferApprovedBy, c.OfferApprovedAt) = (by, at)),
            "offerValidation" => ("Offre validée par la Direction", c => (c.OfferValidatedBy, c.OfferValidatedAt) = (by, at)),
            _ => throw new InvalidOperationException($"Étape d'approbation inconnue : « {step} »."),
        };
    }

    private static (string, Action<Complaint>) StatusOf(string status)
    {
        if (!Enum.TryParse<ComplaintStatus>(status, out var value))
            throw new InvalidOperationException($"Statut inconnu : « {status} ».");
        return ($"Statut : {status}", c =>
        {
            c.Status = value;
            if (value == ComplaintStatus.SecondLevel) c.Level = ComplaintLevel.Second;
        });
    }

    private static (string, Action<Complaint>) ClosingOf(string reason, DateTimeOffset now, IReadOnlyDictionary<string, object?> variables)
    {
        var reaction = reason switch
        {
            "notComplaint" => "Demande non constitutive d'une réclamation",
            "satisfied" => "Client satisfait",
            "noReply" => "Sans réponse du client",
            "secondLevel" => "Réponse de second niveau donnée",
            "litigation" => "Transmis au contentieux",
            _ => throw new InvalidOperationException($"Motif de clôture inconnu : « {reason} »."),
        };
        return ($"Clôture : {reaction}", c =>
        {
            c.Status = ComplaintStatus.Closed;
            c.ClosedAt ??= now;
            c.ClientReaction = WorkflowVariables.OptionalText(variables, "clientReaction") ?? reaction;
            if (reason == "notComplaint") c.Outcome = "notComplaint";
            if (reason == "secondLevel")
            {
                c.SecondLevelDecision = WorkflowVariables.OptionalText(variables, "secondLevelDecision") ?? c.SecondLevelDecision;
                c.SecondLevelReasons = WorkflowVariables.OptionalText(variables, "secondLevelSummary") ?? c.SecondLevelReasons;
            }
        });
    }
}
