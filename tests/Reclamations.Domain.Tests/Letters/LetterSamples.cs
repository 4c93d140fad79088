using Microsoft.Extensions.Time.Testing;
using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Tests.Letters;

/// <summary>Settings and a complete model that every shipped template can render.</summary>
internal static class LetterSamples
{
    public static string TemplatesDirectory => Path.Combine(AppContext.BaseDirectory, "templates");

    public static FirmSettings Firm { get; } = new(
        Name: "Cabinet Exemple Courtage",
        Address: ["57 rue du Capitaine Caillon", "54230 Neuves-Maisons"],
        OriasNumber: "07 000 000",
        RegistrationNumber: null,
        ComplaintsContactName: "Magali Rousseau",
        ComplaintsContactEmail: "reclamations@exemple-courtage.fr",
        Phone: "03 83 00 00 00") { ComplaintsContactTitle = "Responsable réclamations" };

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 5, 14, 8, 0, 0, TimeSpan.Zero));

    public static LetterRenderer Renderer(LetterTemplateStore? store = null) => new(
        store ?? LetterTemplateStore.LoadFromDirectory(TemplatesDirectory),
        Firm,
        MediatorSettings.Default,
        Clock());

    /// <summary>Every variable of every letter, for a profile of <paramref name="jurisdiction"/> (FR, LU).</summary>
    public static Dictionary<string, object?> CompleteModel(string jurisdiction = "FR") => new()
    {
        ["recourse"] = new Dictionary<string, object?>
        {
            ["jurisdiction"] = jurisdiction,
            ["external_from"] = jurisdiction == "LU" ? new DateOnly(2026, 8, 2) : new DateOnly(2026, 7, 2),
            ["external_until"] = new DateOnly(2027, 5, 2),
            ["delay_extends"] = jurisdiction == "LU",
            ["second_level"] = jurisdiction == "LU" ? "Direction" : "ComplaintsOfficer",
        },
        ["complaint"] = new Dictionary<string, object?>
        {
            ["reference"] = "REC-2026-0042",
            ["subject"] = "retard de remboursement d'un sinistre habitation",
            ["received_on"] = new DateOnly(2026, 5, 4),
            ["sent_on"] = new DateOnly(2026, 5, 2),
            ["first_written_on"] = new DateOnly(2026, 5, 2),
            ["channel"] = "par téléphone",
        },
        ["complainant"] = new Dictionary<string, object?>
        {
            ["salutation"] = "Madame",
            ["name"] = "Madame Claire Martin",
            ["address"] = new List<string> { "12 rue des Lilas", "75011 Paris" },
        },
        ["handler"] = new Dictionary<string, object?>
        {
            ["name"] = "Julien Petit",
            ["title"] = "Gestionnaire réclamations",
            ["email"] = "j.petit@exemple-courtage.fr",
            ["phone"] = "03 83 00 00 01",
        },
        ["answer_due_on"] = new DateOnly(2026, 7, 2),
        ["handling"] = "Nous avons demandé à l'assureur le détail du dossier de sinistre.",
        ["answer_text"] = "Le contrat prévoit une franchise de 300 euros.\n\nCette franchise a été appliquée conformément aux conditions particulières.",
        ["third_party"] = new Dictionary<string, object?>
        {
            ["name"] = "Assureur Exemple SA – service sinistres",
            ["address"] = new List<string> { "1 place de l'Assurance", "75009 Paris" },
            ["contact"] = "sinistres@assureur-exemple.fr",
        },
        ["explanation"] = "Votre question porte sur les garanties de votre contrat.",
        ["delay_reasons"] = "Nous attendons le rapport de l'expert mandaté par l'assureur.",
        ["expected_on"] = new DateOnly(2026, 7, 31),
        ["offer_text"] = "Nous vous proposons la prise en charge des frais de relance engagés.",
        ["amount"] = 1234.5,
        ["acceptance_due_on"] = new DateOnly(2026, 8, 1),
        ["meeting_on"] = new DateTimeOffset(2026, 6, 20, 9, 30, 0, TimeSpan.FromHours(2)),
        ["first_answer_on"] = new DateOnly(2026, 6, 25),
        ["insurer"] = new Dictionary<string, object?>
        {
            ["name"] = "Assureur RCP Exemple",
            ["address"] = new List<string> { "10 avenue de la Garantie", "75008 Paris" },
        },
        ["policy_number"] = "RCP-123456",
        ["threat"] = "une assignation devant le tribunal judiciaire",
        ["facts"] = "Le client reproche un défaut de conseil lors de la souscription.",
        ["claimed_amount"] = 15000L,
        ["counsel"] = new Dictionary<string, object?>
        {
            ["name"] = "Maître Anne Durand",
            ["address"] = new List<string> { "5 quai des Juristes", "75004 Paris" },
        },
        ["insurer_declared_on"] = new DateOnly(2026, 6, 1),
        ["documents"] = new List<object?> { "Copie de la réclamation", "Déclaration à l'assureur" },
        ["agreement_on"] = new DateOnly(2026, 8, 3),
        ["closing_text"] = "La somme convenue vous a été versée.",
    };
}
