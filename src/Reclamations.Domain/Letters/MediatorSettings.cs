namespace Reclamations.Domain.Letters;

/// <summary>
/// The external recourse bodies named in letters, exposed to templates as <c>mediator</c>: France's insurance mediator
/// (<c>mediator.fr_*</c>: name, address lines, web site, e-mail) and Luxembourg's supervisor, the CAA (<c>mediator.lu_*</c>:
/// name, address lines, web site, e-mail, phone, fax and its role). A letter picks one by the profile's jurisdiction.
/// Stored with the firm's identity (<see cref="LetterSettingsStore"/>), edited by the process owner.
/// </summary>
public sealed record MediatorSettings(
    string FrName,
    IReadOnlyList<string> FrAddress,
    string FrWeb,
    string LuName,
    IReadOnlyList<string> LuAddress,
    string LuWeb)
{
    /// <summary>The mediator's e-mail address (seed 003: le.mediateur@mediation-assurance.org).</summary>
    public string FrEmail { get; init; } = "le.mediateur@mediation-assurance.org";

    /// <summary>Seed 004 lists every means of contacting the CAA: e-mail, phone, fax, post, web site.</summary>
    public string LuEmail { get; init; } = "caa@caa.lu";

    public string LuPhone { get; init; } = "(+352) 22 69 11 – 1";

    public string LuFax { get; init; } = "(+352) 22 69 10";

    /// <summary>What the CAA is and does (seed 004, "en précisant le rôle et les compétences du CAA").</summary>
    public string LuRole { get; init; } = DefaultLuRole;

    public const string DefaultLuRole =
        "Le Commissariat aux Assurances est l'organe habilité à recevoir et examiner les réclamations émanant des consommateurs "
        + "(article 2, paragraphe 1, lettre g, de la loi du 7 décembre 2015 sur le secteur des assurances). Sa procédure de "
        + "résolution extrajudiciaire des réclamations (règlement CAA n° 19/03) est écrite ; elle n'est pas une médiation au sens "
        + "de la loi du 24 février 2012 et ses conclusions motivées ne lient pas les parties, qui restent libres de saisir les "
        + "cours et tribunaux.";

    /// <summary>Published addresses (seed 003: La Médiation de l'Assurance – Pôle CSCA – TSA 50110 – 75441 Paris Cedex 09;
    /// seed 004: the CAA, 11 rue Robert Stumper, L-2557 Luxembourg), used until the settings are edited.</summary>
    public static MediatorSettings Default { get; } = new(
        FrName: "La Médiation de l'Assurance",
        FrAddress: ["Pôle CSCA", "TSA 50110", "75441 Paris Cedex 09"],
        FrWeb: "www.mediation-assurance.org",
        LuName: "Commissariat aux Assurances (CAA)",
        LuAddress: ["11, rue Robert Stumper", "L-2557 Luxembourg"],
        LuWeb: "www.caa.lu");
}
