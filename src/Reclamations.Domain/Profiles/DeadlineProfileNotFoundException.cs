namespace Reclamations.Domain.Profiles;

public sealed class DeadlineProfileNotFoundException(string code)
    : Exception($"Le profil de délais « {code} » n'existe pas.")
{
    public string Code { get; } = code;
}
