namespace Reclamations.Domain.Letters;

/// <summary>
/// External recourse bodies named in rejection letters, exposed to templates as <c>mediator</c>:
/// <c>mediator.fr_name</c>, <c>mediator.fr_address</c>, <c>mediator.fr_web</c> (France) and
/// <c>mediator.lu_name</c>, <c>mediator.lu_address</c>, <c>mediator.lu_web</c> (Luxembourg).
/// </summary>
public sealed record MediatorSettings(
    string FrName,
    IReadOnlyList<string> FrAddress,
    string FrWeb,
    string LuName,
    IReadOnlyList<string> LuAddress,
    string LuWeb)
{
    /// <summary>Published addresses, used when the settings give none.</summary>
    public static MediatorSettings Default { get; } = new(
        FrName: "La Médiation de l'Assurance",
        FrAddress: ["TSA 50110", "75441 Paris Cedex 09"],
        FrWeb: "www.mediation-assurance.org",
        LuName: "Commissariat aux Assurances",
        LuAddress: ["11, rue Robert Stumper", "L-2557 Luxembourg"],
        LuWeb: "www.caa.lu");
}
