using Reclamations.Engine.Api;
using System.Globalization;
using Reclamations.Domain.Register;

namespace Reclamations.Web.Complaints.Pages;

/// <summary>The intake form's values as typed (kept to show the form again) and their conversion to a register entry.</summary>
public sealed class IntakeForm
{
    public string? Name { get; set; }
    public string Kind { get; set; } = nameof(ComplainantKind.Client);
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? ReceivedAt { get; set; }
    public string? SentAt { get; set; }
    public string Channel { get; set; } = nameof(ComplaintChannel.Courrier);
    public bool IsOral { get; set; }
    public string? Profile { get; set; }
    public string? Subject { get; set; }
    public string? Description { get; set; }
    public string? Category { get; set; }
    public string? Contract { get; set; }
    public string? Product { get; set; }
    public string? Insurer { get; set; }
    public IReadOnlyList<string> Persons { get; set; } = [];
    public string? OutsidePersons { get; set; }
    public string? OtherParties { get; set; }
    public string? Handler { get; set; }
    public string? UsualContact { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativeCapacity { get; set; }
    public string? RepresentativeEmail { get; set; }
    public string? RepresentativeAddress { get; set; }
    public string? RepresentativePhone { get; set; }
    public string? ReceivedThrough { get; set; }
    public string? ReceivedThroughReference { get; set; }

    public static IntakeForm From(IFormCollection form) => new()
    {
        Name = form["name"], Kind = form["kind"].FirstOrDefault() ?? nameof(ComplainantKind.Client), Email = form["email"],
        Address = form["address"], Phone = form["phone"], ReceivedAt = form["receivedAt"], SentAt = form["sentAt"],
        Channel = form["channel"].FirstOrDefault() ?? nameof(ComplaintChannel.Courrier), IsOral = form["isOral"] == "true",
        Profile = form["profile"], Subject = form["subject"], Description = form["description"], Category = form["category"],
        Contract = form["contract"], Product = form["product"], Insurer = form["insurer"],
        Persons = [.. form["persons"].OfType<string>()], OutsidePersons = form["outsidePersons"], OtherParties = form["otherParties"],
        Handler = form["handler"], UsualContact = form["usualContact"],
        RepresentativeName = form["representativeName"], RepresentativeCapacity = form["representativeCapacity"],
        RepresentativeEmail = form["representativeEmail"], RepresentativeAddress = form["representativeAddress"],
        RepresentativePhone = form["representativePhone"], ReceivedThrough = form["receivedThrough"],
        ReceivedThroughReference = form["receivedThroughReference"],
    };

    /// <summary>The register entry; a value that does not parse is left out so that the register's validation names it.</summary>
    public NewComplaint ToNewComplaint(TimeZoneInfo zone) => new()
    {
        Complainant = new NewComplainant
        {
            Name = Name, Kind = Enum.TryParse<ComplainantKind>(Kind, out var kind) ? kind : null, Email = Empty(Email),
            PostalAddress = Empty(Address), Phone = Empty(Phone),
        },
        ReceivedAt = DateTime.TryParse(ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var received)
            ? ZonedTime.AtLocal(received, zone)
            : null,
        SentAt = DateOnly.TryParse(SentAt, CultureInfo.InvariantCulture, out var sent) ? sent : null,
        Channel = Enum.TryParse<ComplaintChannel>(Channel, out var channel) ? channel : null,
        IsOral = IsOral,
        Subject = Empty(Subject), Description = Empty(Description), Category = Empty(Category),
        ContractReference = Empty(Contract), ProductOrService = Empty(Product), Insurer = Empty(Insurer),
        PersonsInvolved = [.. Persons, .. Lines(OutsidePersons)],
        OtherParties = Lines(OtherParties),
        UsualContact = Empty(UsualContact), Handler = Empty(Handler), Profile = Empty(Profile),
        // A representative is recorded when any of their fields is filled in (the register then names what is missing).
        Representative = new[] { RepresentativeName, RepresentativeEmail, RepresentativeAddress, RepresentativePhone }.Any(v => !string.IsNullOrWhiteSpace(v))
            ? new NewRepresentative
            {
                Name = Empty(RepresentativeName),
                Capacity = Enum.TryParse<RepresentativeCapacity>(RepresentativeCapacity, out var capacity) ? capacity : null,
                Email = Empty(RepresentativeEmail), PostalAddress = Empty(RepresentativeAddress), Phone = Empty(RepresentativePhone),
            }
            : null,
        ReceivedThrough = Enum.TryParse<ReferralBody>(ReceivedThrough, out var through) ? through : null,
        ReceivedThroughReference = Empty(ReceivedThroughReference),
    };

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
