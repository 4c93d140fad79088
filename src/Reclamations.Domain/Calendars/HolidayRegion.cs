using System.Text.Json.Serialization;

namespace Reclamations.Domain.Calendars;

/// <summary>The set of public holidays an office observes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HolidayRegion>))]
public enum HolidayRegion
{
    /// <summary>Metropolitan France (Code du travail, article L3133-1).</summary>
    France,

    /// <summary>France plus Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle).</summary>
    FranceAlsaceMoselle,

    /// <summary>Grand Duchy of Luxembourg (Europe Day on 9 May from 2019).</summary>
    Luxembourg,
}
