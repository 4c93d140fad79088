using System.Text.RegularExpressions;
using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Profiles;

/// <summary>Checks an edited profile: a code, a name, positive periods, known enums and time zone.</summary>
public static partial class DeadlineProfileValidator
{
    public static IReadOnlyList<FieldError> Validate(DeadlineProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(profile.Code) || !CodePattern().IsMatch(profile.Code))
        {
            errors.Add(new("code", "Le code est obligatoire (lettres, chiffres et tirets, 40 caractères au plus)."));
        }

        if (string.IsNullOrWhiteSpace(profile.Name)) errors.Add(new("name", "Le nom est obligatoire."));
        if (string.IsNullOrWhiteSpace(profile.Jurisdiction)) errors.Add(new("jurisdiction", "La juridiction est obligatoire."));
        if (string.IsNullOrWhiteSpace(profile.RecourseBodyName)) errors.Add(new("recourseBodyName", "L'organisme de recours est obligatoire."));
        if (!Enum.IsDefined(profile.CalendarKind)) errors.Add(new("calendarKind", "Type de calendrier inconnu."));
        if (!Enum.IsDefined(profile.HolidayRegion)) errors.Add(new("holidayRegion", "Calendrier de jours fériés inconnu."));
        if (!Enum.IsDefined(profile.ClockStart)) errors.Add(new("clockStart", "Point de départ des délais inconnu."));
        if (profile.AcknowledgementWorkingDays <= 0)
        {
            errors.Add(new("acknowledgementWorkingDays", "Le délai d'accusé de réception doit être positif."));
        }

        if (profile.AcknowledgementReminderWorkingDays < 0)
            errors.Add(new("acknowledgementReminderWorkingDays", "Le rappel de l'accusé de réception ne peut pas être négatif."));
        if (profile.ResponseReminderDays < 0) errors.Add(new("responseReminderDays", "Le rappel de la réponse ne peut pas être négatif."));
        if (profile.SecondLevelReminderDays < 0) errors.Add(new("secondLevelReminderDays", "Le rappel du second niveau ne peut pas être négatif."));
        if (string.IsNullOrWhiteSpace(profile.SecondLevelReviewerGroup))
            errors.Add(new("secondLevelReviewerGroup", "Le groupe qui examine le second niveau est obligatoire."));
        if (!Enum.IsDefined(profile.LitigationBreachPolicy))
            errors.Add(new("litigationBreachPolicy", "Règle de dépassement pendant le contentieux inconnue."));
        Period(errors, "clientReplyPeriod", profile.ClientReplyPeriod);
        Period(errors, "responsePeriod", profile.ResponsePeriod);
        Period(errors, "externalRecourseFrom", profile.ExternalRecourseFrom);
        Period(errors, "externalRecourseUntil", profile.ExternalRecourseUntil);
        if (profile.SecondLevelPeriod is not null) Period(errors, "secondLevelPeriod", profile.SecondLevelPeriod);
        if (!KnownZone(profile.TimeZoneId)) errors.Add(new("timeZoneId", $"Fuseau horaire inconnu : « {profile.TimeZoneId} »."));
        return errors;
    }

    private static void Period(List<FieldError> errors, string field, DeadlinePeriod? period)
    {
        if (period is null)
        {
            errors.Add(new(field, "Le délai est obligatoire."));
            return;
        }

        if (period.Count <= 0) errors.Add(new($"{field}.count", "Le délai doit être positif."));
        if (!Enum.IsDefined(period.Unit)) errors.Add(new($"{field}.unit", "Unité de délai inconnue."));
    }

    private static bool KnownZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,40}$")]
    private static partial Regex CodePattern();
}
