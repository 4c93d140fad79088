using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Workflow;

/// <summary>The model of a letter: the common variables from the register, the letter's own variables from
/// the process variables the forms set (see templates/README.md). A value the letter needs and the process lacks
/// is left out, so that rendering fails naming it instead of printing a blank.</summary>
internal static class LetterModelBuilder
{
    public static Dictionary<string, object?> Build(string template, Complaint complaint, IReadOnlyDictionary<string, object?> variables,
        FirmSettings firm, TimeZoneInfo zone)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["profile"] = complaint.ProfileCode,
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
            ["handler"] = Map(
                ("name", string.IsNullOrWhiteSpace(complaint.Handler) ? firm.ComplaintsContactName : complaint.Handler),
                ("email", firm.ComplaintsContactEmail),
                ("phone", firm.Phone)),
        };
        void Set(string key, object? value)
        {
            if (value is not null && value is not string { Length: 0 }) model[key] = value;
        }
        DateOnly? Date(string name) => WorkflowVariables.OptionalDate(variables, name, zone);
        object? Var(string name) => WorkflowVariables.Optional(variables, name);

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
                Set("threat", Var("findings"));
                Set("facts", Var("declarationSummary"));
                break;
            case "saisine-avocat":
                if (Var("counselName") is string counsel) Set("counsel", Map(("name", counsel), ("address", new List<object?>())));
                Set("threat", Var("findings"));
                Set("facts", Var("declarationSummary"));
                break;
        }
        return model;
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
