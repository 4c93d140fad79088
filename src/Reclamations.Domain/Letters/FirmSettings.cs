namespace Reclamations.Domain.Letters;

/// <summary>
/// The firm's letterhead and complaints contact, exposed to templates as <c>firm</c>
/// (snake_case members: <c>firm.name</c>, <c>firm.address</c>, <c>firm.orias_number</c>…). Stored in the database
/// (<see cref="LetterSettingsStore"/>, seeded from the configuration section <c>Firm</c>); the time zone stays configuration.
/// </summary>
/// <param name="Name">Legal name shown in the letterhead.</param>
/// <param name="Address">Postal address, one line per element.</param>
/// <param name="OriasNumber">ORIAS registration (France); null when not registered there.</param>
/// <param name="RegistrationNumber">Other registration, e.g. RCS / CAA number (Luxembourg); null when none.</param>
/// <param name="ComplaintsContactName">Person in charge of complaints (responsable réclamations).</param>
/// <param name="ComplaintsContactEmail">Complaints mailbox.</param>
/// <param name="Phone">Switchboard phone number.</param>
/// <param name="TimeZoneId">IANA time zone used to turn instants into letter dates.</param>
public sealed record FirmSettings(
    string Name,
    IReadOnlyList<string> Address,
    string? OriasNumber,
    string? RegistrationNumber,
    string ComplaintsContactName,
    string ComplaintsContactEmail,
    string Phone,
    string TimeZoneId = "Europe/Paris")
{
    /// <summary>Function of the complaints contact (e.g. "Responsable réclamations"), printed under the name.</summary>
    public string? ComplaintsContactTitle { get; init; }
}
