using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Workflow;

/// <summary>The declared model of the letters: every variable a template may use, in one place beside
/// <see cref="LetterModelBuilder"/> which fills it (a test checks that the builder gives nothing this list lacks). The studio
/// refuses an edited template that uses anything else (<see cref="Templates.TemplateVariableCheck"/>), naming it.</summary>
public static class LetterModelSchema
{
    /// <summary>One variable (dotted path) with what it holds, in French for the editor's list.</summary>
    public sealed record Variable(string Path, string Description);

    /// <summary>What every letter sees: the register's common variables (LetterModelBuilder.Build, first block), the
    /// representative, the countersignature of the answers, and letter_date.</summary>
    private static readonly Variable[] Model =
    [
        new("profile", "code du profil de délais"),
        new("recourse.jurisdiction", "juridiction du profil (FR ou LU)"),
        new("recourse.external_from", "date à partir de laquelle l'organisme externe peut être saisi"),
        new("recourse.external_until", "date limite de saisine de l'organisme externe"),
        new("recourse.delay_extends", "un courrier d'attente reporte le recours externe (oui / non)"),
        new("recourse.second_level", "groupe du second niveau (Direction, ComplaintsOfficer)"),
        new("complaint.reference", "référence de la réclamation"),
        new("complaint.subject", "objet"),
        new("complaint.received_on", "date de réception"),
        new("complaint.sent_on", "date d'envoi par le client (facultative)"),
        new("complaint.first_written_on", "date de la première réclamation écrite (facultative)"),
        new("complaint.channel", "canal (« par courrier »…)"),
        new("complainant.salutation", "formule d'appel (« Madame, Monsieur »)"),
        new("complainant.name", "nom du réclamant"),
        new("complainant.address", "adresse du réclamant (lignes)"),
        new("handler.name", "personne en charge"),
        new("handler.title", "fonction de la personne en charge"),
        new("handler.email", "courriel des réclamations"),
        new("handler.phone", "téléphone"),
        new("representative.name", "représentant (facultatif)"),
        new("representative.capacity", "qualité du représentant"),
        new("representative.address", "adresse du représentant (lignes)"),
        new("countersigned_by.name", "contresignataire de la réponse (facultatif)"),
        new("countersigned_by.title", "fonction du contresignataire"),
        new("letter_date", "date du courrier (aujourd'hui)"),
    ];

    /// <summary>Each letter's own variables: those LetterModelBuilder sets for it (its switch), then the optional ones its file
    /// documents and tests with « if » while the process gives none today (marked « non fourni »: always absent, so the
    /// sentence they guard is left out).</summary>
    private static readonly Dictionary<string, Variable[]> Own = new(StringComparer.Ordinal)
    {
        ["accuse-reception"] = [new("answer_due_on", "date limite de réponse"), NotGiven("handling", "démarches engagées")],
        ["copie-formulaire"] = [new("complaint_text", "texte de la réclamation")],
        ["demande-non-reclamation"] =
        [
            new("third_party.name", "tiers à qui la demande est transmise (facultatif)"),
            NotGiven("third_party.address", "adresse du tiers"), NotGiven("third_party.contact", "contact du tiers"),
            NotGiven("explanation", "explication"),
        ],
        ["information-delai"] =
        [
            new("delay_reasons", "raisons du délai"), new("expected_on", "date de réponse annoncée"),
            new("answer_due_on", "date limite de réponse"),
        ],
        ["offre-reglement"] =
        [
            new("offer_text", "texte de la proposition"), new("amount", "montant proposé (facultatif)"),
            NotGiven("acceptance_due_on", "date limite d'acceptation"),
        ],
        ["reponse-immediate"] = [new("answer_text", "texte de la réponse"), new("meeting_on", "date de l'entretien (facultative)")],
        ["reponse-defavorable"] = [new("answer_text", "texte de la réponse"), new("meeting_on", "date de l'entretien (facultative)")],
        ["reponse-second-niveau"] =
            [new("answer_text", "texte de la réponse"), new("first_answer_on", "date de la première réponse (facultative)")],
        ["declaration-assureur-rcp"] =
        [
            new("insurer.name", "assureur RC professionnelle"), new("insurer.address", "adresse de l'assureur (lignes)"),
            new("policy_number", "numéro de police"), new("threat", "action annoncée"), new("facts", "exposé des faits"),
            NotGiven("claimed_amount", "montant réclamé"),
        ],
        ["information-declaration-sinistre"] = [NotGiven("insurer_declared_on", "date de la déclaration")],
        ["issue-contentieux"] = [new("answer_text", "texte de la réponse")],
        ["saisine-avocat"] =
        [
            new("counsel.name", "avocat"), new("counsel.address", "adresse de l'avocat (lignes)"), new("threat", "action annoncée"),
            new("facts", "exposé des faits"), NotGiven("documents", "pièces jointes (liste)"),
            NotGiven("insurer_declared_on", "date de la déclaration à l'assureur"),
        ],
        ["cloture"] = [NotGiven("closing_text", "texte de clôture"), NotGiven("agreement_on", "date de l'accord")],
        ["invitation-ecrit"] = [],
    };

    /// <summary>The firm's identity and the recourse bodies, from the objects the renderer gives (LetterSettingsObjects).</summary>
    private static readonly Variable[] Settings =
        LetterSettingsObjects.FirmKeys.Select(k => new Variable("firm." + k, "identité du cabinet (paramètres)"))
            .Concat(LetterSettingsObjects.MediatorKeys.Select(k => new Variable("mediator." + k, "organisme de recours (paramètres)")))
            .ToArray();

    /// <summary>The variables a key may use: a letter, the common model and its own; a shared part (included by any letter),
    /// the common model and every letter's own variables.</summary>
    public static IReadOnlyList<Variable> For(string key)
    {
        var own = LetterTemplateKeys.IsPartial(key) ? Own.Values.SelectMany(v => v) : Own.GetValueOrDefault(key) ?? [];
        return Model.Concat(Settings).Concat(own).DistinctBy(v => v.Path).ToList();
    }

    private static Variable NotGiven(string path, string description) => new(path, description + " (non fourni par le processus)");
}
