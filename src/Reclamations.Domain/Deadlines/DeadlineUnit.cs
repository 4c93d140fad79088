using System.Text.Json.Serialization;

namespace Reclamations.Domain.Deadlines;

[JsonConverter(typeof(JsonStringEnumConverter<DeadlineUnit>))]
public enum DeadlineUnit
{
    /// <summary>Calendar days.</summary>
    Days,

    /// <summary>Working days in the profile's calendar kind and holiday region.</summary>
    WorkingDays,

    /// <summary>Calendar months, clamped to the month's last day.</summary>
    Months,
}
