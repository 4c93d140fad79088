using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Workflow;

/// <summary>The model of a letter: the common variables from the register, the letter's own variables from
/// the process variables the forms set (see templates/README.md). A value the letter needs and the process lacks
/// is left out, so that rendering fails naming it instead of printing a blank. The recourse routes come from the profile's
/// attributes (<c>recourse.jurisdiction</c>, <c>recourse.delay_extends</c>) and the dates stored on the complaint, never from
/// the profile's code; the person in charge is named from the <see cref="IPersonDirectory"/>.</summary>
internal static class LetterModelBuilder
{
    public static Dictionary<string, object?> Build(string template, Complaint complaint, IReadOnlyDictionary<string, object?> variables,
        FirmSettings firm, TimeZoneInfo zone, DeadlineProfile profile, IPersonDirectory people)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["profile"] = complaint.ProfileCode,
            ["recourse"] = Map(
                ("jurisdiction", profile.Jurisdiction),
                ("external_from", ExternalRecourseFrom(template, complaint, variables, profile, zone)),
                ("external_until", complaint.ExternalRecourseUntil),
                ("delay_extends", profile.DelayExtendsExternalRecourse),
                // Who gives the second level (the profile's group, not its jurisdiction): the letters name them.
                ("second_level", profile.SecondLevelReviewerGroup)),
            ["complaint"] = Map(
                ("reference", complaint.Reference),
                ("subject", complaint.Subject),
                ("received_on", DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(complaint.ReceivedAt, zone).DateTime)),
                ("sent_on", complaint.SentAt),
                ("first_written_on", complaint.ClockStart),
                ("channel", ChannelLabel(complaint.Channel))),
            ["complainant"] = Map(
                ("salutation", "Madame, Monsieur"),
                ("name", complaint.Complainant.Name),
                ("address", Lines(complaint.Complainant.PostalAddress))),
            ["handler"] = Handler(complaint, firm, people),
        };
        // A representative (mandataire, ayant droit) receives the letters, which name the client (templates/_partials).
        if (complaint.Representative is { } representative)
            model["representative"] = Map(
                ("name", representative.Name),
                ("capacity", RepresentativeCapacities.Label(representative.Capacity)),
                ("address", Lines(representative.PostalAddress)));
        if (Answers.Contains(template) && Countersigner(complaint, firm, people) is { } countersigner)
            model["countersigned_by"] = countersigner;
        void Set(string key, object? value)
        {
            if (value is not null && value is not string { Length: 0 }) model[key] = value;
        }
        DateOnly? Date(string name) => WorkflowVariables.OptionalDate(variables, name, zone);
        object? Var(string name) => WorkflowVariables.Optional(variables, name);
        // The action announced: by the client's reply (seed 000) when it opened the litigation, else the review's findings.
        object? Threat() => Var("clientLegalThreat") is true ? Var("clientReaction") : Var("findings");

        switch (template)
        {
            case "accuse-reception":
                Set("answer_due_on", complaint.ResponseDueDate);
                break;
            case "copie-formulaire":
                Set("complaint_text", complaint.Description);
                break;
            case "demande-non-reclamation":
                if (Var("thirdParty") is string { Length: > 0 } thirdParty) Set("third_party", Map(("name", thirdParty)));
                break;
            case "information-delai":
                Set("delay_reasons", Var("delayReasons"));
                Set("expected_on", Date("expectedDate"));
                Set("answer_due_on", complaint.ResponseDueDate);
                break;
            case "offre-reglement":
                Set("offer_text", Var("offerText"));
                Set("amount", Var("offerAmount"));
                break;
            case "reponse-immediate":
            case "reponse-defavorable":
                Set("answer_text", Var("answerSummary"));
                Set("meeting_on", Date("meetingDate"));
                break;
            case "reponse-second-niveau":
                Set("answer_text", Var("secondLevelSummary"));
                Set("first_answer_on", complaint.AnsweredAt is { } answered ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(answered, zone).DateTime) : null);
                break;
            case "declaration-assureur-rcp":
                if (Var("insurerName") is string insurer) Set("insurer", Map(("name", insurer), ("address", new List<object?>())));
                Set("policy_number", Var("policyNumber"));
                Set("threat", Threat());
                Set("facts", Var("declarationSummary"));
                break;
            case "information-declaration-sinistre":
                break;
            case "issue-contentieux":
                Set("answer_text", Var("litigationAnswerText"));
                break;
            case "saisine-avocat":
                if (Var("counselName") is string counsel) Set("counsel", Map(("name", counsel), ("address", new List<object?>())));
                Set("threat", Threat());
                Set("facts", Var("declarationSummary"));
                break;
        }
        return model;
    }

    /// <summary>The answer letters, which print the countersignature when the complaint records one (seed 004).</summary>
    private static readonly HashSet<string> Answers = new(StringComparer.Ordinal)
        { "reponse-immediate", "reponse-defavorable", "offre-reglement", "reponse-second-niveau", "issue-contentieux" };

    /// <summary>Who countersigned the answer (seed 004: « contresigné par le Responsable Réclamations »), by name and function
    /// from the <see cref="IPersonDirectory"/>; one the directory does not know is the firm's complaints contact (the
    /// Responsable Réclamations). Null when nobody countersigned.</summary>
    private const string CountersignerRole = "responsable du traitement des réclamations";

    private static Dictionary<string, object?>? Countersigner(Complaint complaint, FirmSettings firm, IPersonDirectory people)
    {
        if (string.IsNullOrWhiteSpace(complaint.AnswerCountersignedBy)) return null;
        // The countersigner's function is theirs, else the firm's complaints contact's, else the role that countersigns.
        var title = string.IsNullOrWhiteSpace(firm.ComplaintsContactTitle) ? CountersignerRole : firm.ComplaintsContactTitle;
        var person = people.Find(complaint.AnswerCountersignedBy);
        return person is null
            ? Map(("name", firm.ComplaintsContactName), ("title", title))
            : Map(("name", person.Name), ("title", string.IsNullOrWhiteSpace(person.JobTitle) ? title : person.JobTitle));
    }

    /// <summary>The person in charge by name and function: the complaint's handler when the directory knows them, else the
    /// firm's complaints contact; reached through the firm's complaints mailbox and phone.</summary>
    private static Dictionary<string, object?> Handler(Complaint complaint, FirmSettings firm, IPersonDirectory people)
    {
        var person = string.IsNullOrWhiteSpace(complaint.Handler) ? null : people.Find(complaint.Handler);
        return person is null
            ? Map(("name", firm.ComplaintsContactName), ("title", firm.ComplaintsContactTitle), ("email", firm.ComplaintsContactEmail), ("phone", firm.Phone))
            : Map(("name", person.Name), ("title", person.JobTitle), ("email", firm.ComplaintsContactEmail), ("phone", firm.Phone));
    }

    /// <summary>The stored date from which the external body may be seized; a delay letter prints it as the delay it announces
    /// moves it (the same computation the register records right after it, topic record-delay).</summary>
    private static DateOnly ExternalRecourseFrom(string template, Complaint complaint, IReadOnlyDictionary<string, object?> variables,
        DeadlineProfile profile, TimeZoneInfo zone)
    {
        if (template != "information-delai" || WorkflowVariables.OptionalDate(variables, "expectedDate", zone) is not { } expected)
            return complaint.ExternalRecourseFrom;
        var previous = complaint.AnswerExpectedOn is { } announced && announced > complaint.ResponseDueDate ? announced : complaint.ResponseDueDate;
        return DeadlineCalculator.ExternalRecourseFromAfterDelay(profile, complaint.ExternalRecourseFrom, previous, expected);
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
            if (value is not null) map[key] = value;
        return map;
    }

    private static List<object?> Lines(string? address) =>
        (address ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Cast<object?>().ToList();

    private static string ChannelLabel(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Courrier => "par courrier",
        ComplaintChannel.Email => "par courriel",
        ComplaintChannel.Telephone => "par téléphone",
        ComplaintChannel.Agence => "en agence",
        _ => "par le formulaire en ligne",
    };
}
