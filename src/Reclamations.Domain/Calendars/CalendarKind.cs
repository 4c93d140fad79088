using System.Text.Json.Serialization;

namespace Reclamations.Domain.Calendars;

/// <summary>Which days count when a deadline is expressed in working days.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CalendarKind>))]
public enum CalendarKind
{
    /// <summary>Jours ouvrables: every day but Sunday and public holidays.</summary>
    JoursOuvrables,

    /// <summary>Jours ouvrés: Monday to Friday, but public holidays.</summary>
    JoursOuvres,
}
