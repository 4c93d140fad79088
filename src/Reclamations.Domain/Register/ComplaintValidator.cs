using System.Net.Mail;
using Reclamations.Domain.Deadlines;

namespace Reclamations.Domain.Register;

/// <summary>Checks a registration and names every invalid field by its camelCase JSON path.</summary>
internal static class ComplaintValidator
{
    private const int MaxName = 200;
    private const int MaxSubject = 300;

    /// <param name="profile">The profile named by the input, or null when it does not exist.</param>
    /// <param name="categoryExists">Whether the category named by the input exists.</param>
    /// <param name="receivedDate">The local date of receipt in the profile's (or the firm's) time zone.</param>
    /// <param name="today">Today in the same zone.</param>
    public static List<FieldError> Validate(
        NewComplaint input, DeadlineProfile? profile, bool categoryExists, DateTimeOffset now, DateOnly? receivedDate, DateOnly today)
    {
        var errors = new List<FieldError>();
        var complainant = input.Complainant;
        if (string.IsNullOrWhiteSpace(complainant?.Name))
        {
            errors.Add(new("complainant.name", "Le nom du réclamant est obligatoire."));
        }
        else if (complainant.Name.Trim().Length > MaxName)
        {
            errors.Add(new("complainant.name", $"Le nom du réclamant ne doit pas dépasser {MaxName} caractères."));
        }

        if (complainant?.Kind is not { } kind)
        {
            errors.Add(new("complainant.kind", "La qualité du réclamant est obligatoire (client, ancien client, prospect, bénéficiaire, mandataire ou ayant droit)."));
        }
        else if (!Enum.IsDefined(kind))
        {
            errors.Add(new("complainant.kind", "Qualité du réclamant inconnue."));
        }

        if (!string.IsNullOrWhiteSpace(complainant?.Email) && !IsEmail(complainant.Email))
        {
            errors.Add(new("complainant.email", $"Adresse électronique invalide : « {complainant.Email} »."));
        }

        if (input.ReceivedAt is not { } receivedAt)
        {
            errors.Add(new("receivedAt", "La date de réception est obligatoire."));
        }
        else if (receivedAt > now)
        {
            errors.Add(new("receivedAt", "La date de réception ne peut pas être dans le futur."));
        }

        if (input.SentAt is { } sentAt)
        {
            if (receivedDate is { } received && sentAt > received)
            {
                errors.Add(new("sentAt", "La date d'envoi ne peut pas être postérieure à la date de réception."));
            }
            else if (sentAt > today)
            {
                errors.Add(new("sentAt", "La date d'envoi ne peut pas être dans le futur."));
            }
        }

        if (input.Channel is not { } channel)
        {
            errors.Add(new("channel", "Le canal de réception est obligatoire (courrier, email, téléphone, agence, formulaire web)."));
        }
        else if (!Enum.IsDefined(channel))
        {
            errors.Add(new("channel", "Canal de réception inconnu."));
        }

        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            errors.Add(new("subject", "L'objet de la réclamation est obligatoire."));
        }
        else if (input.Subject.Trim().Length > MaxSubject)
        {
            errors.Add(new("subject", $"L'objet ne doit pas dépasser {MaxSubject} caractères."));
        }

        if (string.IsNullOrWhiteSpace(input.Profile))
        {
            errors.Add(new("profile", "Le profil de délais est obligatoire."));
        }
        else if (profile is null)
        {
            errors.Add(new("profile", $"Le profil de délais « {input.Profile} » n'existe pas."));
        }

        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add(new("category", "La catégorie est obligatoire."));
        }
        else if (!categoryExists)
        {
            errors.Add(new("category", $"La catégorie « {input.Category} » n'existe pas ou n'est plus active."));
        }

        RepresentativeValidator.Validate(errors, input.Representative);
        if (input.ReceivedThrough is { } through && !Enum.IsDefined(through))
        {
            errors.Add(new("receivedThrough", "Provenance inconnue (attendu : Mediator ou Caa)."));
        }
        else if (input.ReceivedThrough is not null && string.IsNullOrWhiteSpace(input.ReceivedThroughReference))
        {
            errors.Add(new("receivedThroughReference", "La référence du dossier chez le médiateur ou le CAA est obligatoire pour une réclamation transmise par eux."));
        }
        else if (input.ReceivedThrough is null && !string.IsNullOrWhiteSpace(input.ReceivedThroughReference))
        {
            errors.Add(new("receivedThrough", "Indiquez par qui la réclamation a été transmise (Mediator ou Caa) avec sa référence."));
        }

        Names(errors, "personsInvolved", input.PersonsInvolved);
        Names(errors, "otherParties", input.OtherParties);
        if (!string.IsNullOrWhiteSpace(input.Reviewer) && input.PersonsInvolved is { } persons
            && persons.Any(p => string.Equals(p?.Trim(), input.Reviewer.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new("reviewer", "Le réviseur doit être indépendant : il ne peut pas être une des personnes visées par la réclamation."));
        }

        return errors;
    }

    private static void Names(List<FieldError> errors, string field, IReadOnlyList<string>? names)
    {
        if (names is null) return;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i])) errors.Add(new($"{field}[{i}]", "Le nom ne peut pas être vide."));
        }
    }

    internal static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address)
        && string.Equals(address.Address, value.Trim(), StringComparison.OrdinalIgnoreCase)
        && address.Host.Contains('.', StringComparison.Ordinal);
}
