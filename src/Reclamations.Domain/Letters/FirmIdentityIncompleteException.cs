namespace Reclamations.Domain.Letters;

/// <summary>A letter may not leave: the firm's identity is incomplete or still a placeholder. The message names every
/// missing setting; thrown from the sending step, it becomes the engine's incident.</summary>
public sealed class FirmIdentityIncompleteException(IReadOnlyList<string> problems)
    : Exception("Aucun courrier ne part tant que l'identité du cabinet est incomplète : " + string.Join(" ; ", problems)
                + ". Complétez-la (réglages du cabinet, PUT /api/settings/firm) puis relancez l'étape.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
