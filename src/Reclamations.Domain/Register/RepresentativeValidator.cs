namespace Reclamations.Domain.Register;

/// <summary>Checks a representative: the letters go to them, so a name, a capacity and an e-mail or postal address are needed.</summary>
internal static class RepresentativeValidator
{
    public static void Validate(List<FieldError> errors, NewRepresentative? representative)
    {
        if (representative is null) return;
        if (string.IsNullOrWhiteSpace(representative.Name))
            errors.Add(new("representative.name", "Le nom du représentant est obligatoire."));
        else if (representative.Name.Trim().Length > 200)
            errors.Add(new("representative.name", "Le nom du représentant ne doit pas dépasser 200 caractères."));
        if (representative.Capacity is not { } capacity || !Enum.IsDefined(capacity))
            errors.Add(new("representative.capacity", "La qualité du représentant est obligatoire (Agent : mandataire, Heir : ayant droit, LegalRepresentative : représentant légal)."));
        if (string.IsNullOrWhiteSpace(representative.Email) && string.IsNullOrWhiteSpace(representative.PostalAddress))
            errors.Add(new("representative.email", "Les courriers sont adressés au représentant : indiquez son adresse électronique ou postale."));
        else if (!string.IsNullOrWhiteSpace(representative.Email) && !ComplaintValidator.IsEmail(representative.Email))
            errors.Add(new("representative.email", $"Adresse électronique du représentant invalide : « {representative.Email} »."));
    }
}
