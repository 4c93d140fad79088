using System.Text.Json.Serialization;

namespace Reclamations.Domain.Deadlines;

/// <summary>The event a profile's deadlines are counted from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClockStart>))]
public enum ClockStart
{
    /// <summary>The sending of the first written complaint; the receipt date when the sending date is unknown.</summary>
    FirstWrittenComplaintSent,

    /// <summary>The receipt of the complaint.</summary>
    Receipt,
}
