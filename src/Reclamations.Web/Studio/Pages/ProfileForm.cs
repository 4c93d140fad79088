using System.Globalization;
using Reclamations.Domain.Calendars;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Register;

namespace Reclamations.Web.Studio.Pages;

/// <summary>The deadline profile's form of the settings page: every field of <see cref="DeadlineProfile"/>, the inputs named
/// as the profile validator names its fields (<c>responsePeriod.count</c>…), so that an error lands beside its input.</summary>
public static class ProfileForm
{
    public static readonly IReadOnlyDictionary<CalendarKind, string> CalendarKinds = new Dictionary<CalendarKind, string>
    {
        [CalendarKind.JoursOuvrables] = "Jours ouvrables (lundi à samedi, hors fériés)",
        [CalendarKind.JoursOuvres] = "Jours ouvrés (lundi à vendredi, hors fériés)",
    };

    public static readonly IReadOnlyDictionary<HolidayRegion, string> HolidayRegions = new Dictionary<HolidayRegion, string>
    {
        [HolidayRegion.France] = "France métropolitaine",
        [HolidayRegion.FranceAlsaceMoselle] = "France, Alsace-Moselle",
        [HolidayRegion.Luxembourg] = "Luxembourg",
    };

    public static readonly IReadOnlyDictionary<ClockStart, string> ClockStarts = new Dictionary<ClockStart, string>
    {
        [ClockStart.FirstWrittenComplaintSent] = "Envoi de la première réclamation écrite (réception à défaut)",
        [ClockStart.Receipt] = "Réception de la réclamation",
    };

    public static readonly IReadOnlyDictionary<DeadlineUnit, string> Units = new Dictionary<DeadlineUnit, string>
    {
        [DeadlineUnit.Days] = "jours calendaires", [DeadlineUnit.WorkingDays] = "jours ouvrables / ouvrés", [DeadlineUnit.Months] = "mois",
    };

    public static readonly IReadOnlyDictionary<LitigationBreachPolicy, string> LitigationPolicies = new Dictionary<LitigationBreachPolicy, string>
    {
        [LitigationBreachPolicy.RecordAsLitigation] = "Enregistré comme « dépassement pendant contentieux », sans tâche",
        [LitigationBreachPolicy.Suspend] = "Délai suspendu pendant le contentieux : rien n'est enregistré",
        [LitigationBreachPolicy.Record] = "Dépassement ordinaire, avec la tâche du responsable réclamations",
    };

    private const int MaxText = 200;

    /// <summary>The profile the form describes (its code kept), or the errors naming the fields that are wrong.</summary>
    public static (DeadlineProfile? Profile, IReadOnlyList<FieldError> Errors) Read(IFormCollection form, string code)
    {
        var errors = new List<FieldError>();
        string Text(string name, bool required = true)
        {
            var value = form[name].ToString().Trim();
            if (value.Length > MaxText) errors.Add(new FieldError(name, $"{MaxText} caractères au plus."));
            else if (required && value.Length == 0) errors.Add(new FieldError(name, "Ce champ est obligatoire."));
            return value;
        }
        int Number(string name)
        {
            var value = form[name].ToString().Trim();
            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n is >= -1000 and <= 1000) return n;
            errors.Add(new FieldError(name, value.Length == 0 ? "Ce champ est obligatoire." : $"« {value} » n'est pas un nombre entier (0 à 1000)."));
            return 0;
        }
        T Choice<T>(string name) where T : struct, Enum
        {
            var value = form[name].ToString();
            if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
            errors.Add(new FieldError(name, $"Choisissez une valeur de la liste (« {value} » est inconnu)."));
            return default;
        }
        DeadlinePeriod Period(string name) => new(Number($"{name}.count"), Choice<DeadlineUnit>($"{name}.unit"));
        bool Flag(string name) => form[name].Any(v => v is "true" or "on");

        var secondLevel = form["secondLevelPeriod.count"].ToString().Trim().Length == 0 ? null : Period("secondLevelPeriod");
        var profile = new DeadlineProfile
        {
            Code = code,
            Name = Text("name"),
            Jurisdiction = Text("jurisdiction"),
            CalendarKind = Choice<CalendarKind>("calendarKind"),
            HolidayRegion = Choice<HolidayRegion>("holidayRegion"),
            TimeZoneId = Text("timeZoneId"),
            ClockStart = Choice<ClockStart>("clockStart"),
            AcknowledgementWorkingDays = Number("acknowledgementWorkingDays"),
            AcknowledgementReminderWorkingDays = Number("acknowledgementReminderWorkingDays"),
            ResponsePeriod = Period("responsePeriod"),
            ResponseReminderDays = Number("responseReminderDays"),
            ExternalRecourseFrom = Period("externalRecourseFrom"),
            ExternalRecourseUntil = Period("externalRecourseUntil"),
            SecondLevelPeriod = secondLevel,
            SecondLevelReminderDays = Number("secondLevelReminderDays"),
            ClientReplyPeriod = Period("clientReplyPeriod"),
            RecourseBodyName = Text("recourseBodyName"),
            SecondLevelReviewerGroup = Text("secondLevelReviewerGroup"),
            DirectionValidatesAnswers = Flag("directionValidatesAnswers"),
            OfficerCountersignsAnswers = Flag("officerCountersignsAnswers"),
            DirectionInformedOnReceipt = Flag("directionInformedOnReceipt"),
            LitigationBreachPolicy = Choice<LitigationBreachPolicy>("litigationBreachPolicy"),
            DelayExtendsExternalRecourse = Flag("delayExtendsExternalRecourse"),
        };
        if (!Reclamations.Web.Accounts.Roles.FrenchLabels.ContainsKey(profile.SecondLevelReviewerGroup) && profile.SecondLevelReviewerGroup.Length > 0)
            errors.Add(new FieldError("secondLevelReviewerGroup", $"« {profile.SecondLevelReviewerGroup} » n'est pas un rôle de l'application."));
        return errors.Count > 0 ? (null, errors) : (profile, []);
    }
}
