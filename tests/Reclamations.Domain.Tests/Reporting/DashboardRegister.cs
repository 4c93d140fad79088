using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Tests.Reporting;

/// <summary>Complaints written straight into the register's tables with known values, for the reporting tests.</summary>
internal static class DashboardRegister
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The instant of a wall-clock time in Paris.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Paris.GetUtcOffset(local));
    }

    public static Complaint Row(DateTimeOffset receivedAt, string profile = "FR-ACPR", string category = "adviceQuality",
        ComplaintChannel channel = ComplaintChannel.Courrier, string? product = "Assurance vie", string? insurer = "Assureur A")
    {
        var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, Paris).DateTime);
        return new Complaint
        {
            Id = Guid.NewGuid(),
            Reference = "T-" + Guid.NewGuid().ToString("N")[..12],
            Complainant = new Complainant { Name = "Client" },
            ReceivedAt = receivedAt,
            Channel = channel,
            Subject = "Objet",
            Category = category,
            ProductOrService = product,
            Insurer = insurer,
            ProfileCode = profile,
            ProfileVersion = 1,
            ClockStart = received,
            AcknowledgementDueDate = received.AddDays(10),
            ResponseDueDate = received.AddDays(60),
            Status = ComplaintStatus.Closed,
            CreatedAt = receivedAt,
        };
    }

    public static async Task AddAsync(DomainDbContext db, params Complaint[] complaints)
    {
        db.Complaints.AddRange(complaints);
        await db.SaveChangesAsync();
    }
}
