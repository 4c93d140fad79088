using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Templates;

/// <summary>What a letter must say whatever its wording, by template and by the profile's jurisdiction: the studio renders
/// every letter an edit touches for every profile in force (a firm's own profile copied from FR-ACPR too, by its
/// jurisdiction, never its code) and refuses the edit when a mention below is missing from the letter. The data of the rule,
/// in one place; the seeds it comes from are quoted.</summary>
public static class MandatoryMentions
{
    /// <summary>One mention: what it is (French, shown in the refusal), the jurisdiction it applies to (null: every one), and the
    /// texts that must all appear in the rendered letter.</summary>
    public sealed record Mention(string Label, string? Jurisdiction, Func<Facts, IEnumerable<string>> Texts);

    /// <summary>What the texts are taken from: the settings in force and the sample complaint's recorded dates.</summary>
    public sealed record Facts(LetterSettings Settings, DateOnly ExternalRecourseFrom);

    // Seed 003 (FR): « le client a la possibilité, à condition qu'aucune action judiciaire n'ait été engagée, de saisir
    // gratuitement le médiateur par courrier (La Médiation de l'Assurance – Pôle CSCA – TSA 50110 – 75441 PARIS Cedex 09), par
    // email (le.mediateur@mediation-assurance.org) ».
    private static readonly Mention FrMediator = new("le médiateur de l'assurance et ses coordonnées (adresse, courriel)", "FR",
        f => [f.Settings.Recourse.FrName, .. f.Settings.Recourse.FrAddress, f.Settings.Recourse.FrEmail]);

    // Seed 002 (FR): « Informer le consommateur que le médiateur de la consommation peut en tout état de cause être saisi deux
    // mois après l'envoi d'une première réclamation écrite ».
    private static readonly Mention FrMediatorFrom = new("la date à partir de laquelle le médiateur peut être saisi", "FR",
        f => [f.Settings.Recourse.FrName, FrenchFormat.Date(f.ExternalRecourseFrom)]);

    // Seed 004 (LU): « fournir au réclamant … les informations quant au règlement extrajudiciaire des réclamations en précisant
    // le rôle et les compétences du CAA ; … ainsi que les différents moyens de contacter le CAA ».
    private static readonly Mention LuSupervisor = new("le CAA, son rôle et ses moyens de contact (adresse, courriel, téléphone, site)", "LU",
        f => [f.Settings.Recourse.LuName, .. f.Settings.Recourse.LuAddress, f.Settings.Recourse.LuEmail, f.Settings.Recourse.LuPhone,
            f.Settings.Recourse.LuWeb, f.Settings.Recourse.LuRole]);

    private static readonly Mention LuSupervisorFrom = new("le CAA et la date à partir de laquelle il peut être saisi", "LU",
        f => [f.Settings.Recourse.LuName, FrenchFormat.Date(f.ExternalRecourseFrom)]);

    // Seed 001: « Si, dans votre réponse apportée à la réclamation, vous rejetez totalement ou partiellement la demande du
    // client, vous devez lui indiquer les voies de recours dont il dispose. »
    private static readonly Mention[] RecourseRoutes = [FrMediator, FrMediatorFrom, LuSupervisor, LuSupervisorFrom];

    // Seed 000: « une offre permettant de remédier à la situation pourra être faite au client sans toutefois admettre la
    // responsabilité de la société ».
    private static readonly Mention NoAdmissionOfLiability = new("« sans reconnaissance de responsabilité »", null,
        _ => ["sans reconnaissance de responsabilité"]);

    /// <summary>The mentions of each letter (a letter not listed has none).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Mention>> ByTemplate { get; } = new Dictionary<string, IReadOnlyList<Mention>>(StringComparer.Ordinal)
    {
        ["reponse-immediate"] = RecourseRoutes,
        ["reponse-defavorable"] = RecourseRoutes,
        ["offre-reglement"] = [.. RecourseRoutes, NoAdmissionOfLiability],
        ["reponse-second-niveau"] = RecourseRoutes,
        ["accuse-reception"] = [FrMediatorFrom, LuSupervisorFrom],
        ["information-delai"] = [FrMediatorFrom, LuSupervisorFrom],
    };

    /// <summary>The mentions of <paramref name="template"/> for a profile of <paramref name="jurisdiction"/>.</summary>
    public static IEnumerable<Mention> For(string template, string jurisdiction) =>
        (ByTemplate.GetValueOrDefault(template) ?? []).Where(m => m.Jurisdiction is null || m.Jurisdiction == jurisdiction);

    /// <summary>The mentions missing from a rendered letter's text (spaces and case of the text not counted).</summary>
    public static IEnumerable<Mention> Missing(string template, string jurisdiction, string plainText, Facts facts)
    {
        var text = Normalise(plainText);
        return For(template, jurisdiction).Where(m => m.Texts(facts).Any(t => !text.Contains(Normalise(t), StringComparison.OrdinalIgnoreCase)));
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('’', '\'')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
