using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ComplaintListTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);

    [Fact]
    public async Task Filters_by_status_category_profile_and_receipt_dates_in_the_firm_zone()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var a = await register.RegisterAsync(Complaints.Valid(new DateTimeOffset(2026, 3, 1, 0, 30, 0, Paris)), "sophie");
        var b = await register.RegisterAsync(Complaints.Valid(new DateTimeOffset(2026, 3, 2, 23, 30, 0, Paris), category: "product"), "sophie");
        var c = await register.RegisterAsync(Complaints.Valid(new DateTimeOffset(2026, 3, 3, 10, 0, 0, Paris), profile: "LU-CAA"), "sophie");
        await register.UpdateAsync(c.Id, "paul", "Modification", x => x.Status = ComplaintStatus.InProgress);

        (await Refs(register, new ComplaintFilter())).Should().Equal(a.Reference, b.Reference, c.Reference);
        (await Refs(register, new ComplaintFilter { Status = ComplaintStatus.InProgress })).Should().Equal(c.Reference);
        (await Refs(register, new ComplaintFilter { Category = "product" })).Should().Equal(b.Reference);
        (await Refs(register, new ComplaintFilter { Profile = "LU-CAA" })).Should().Equal(c.Reference);
        (await Refs(register, new ComplaintFilter { ReceivedFrom = new DateOnly(2026, 3, 2) })).Should().Equal(b.Reference, c.Reference);
        (await Refs(register, new ComplaintFilter { ReceivedTo = new DateOnly(2026, 3, 2) })).Should().Equal(a.Reference, b.Reference);
        (await Refs(register, new ComplaintFilter { ReceivedFrom = new DateOnly(2026, 3, 2), ReceivedTo = new DateOnly(2026, 3, 2) }))
            .Should().Equal(b.Reference);
    }

    [Fact]
    public async Task Overdue_means_the_response_due_date_has_passed_without_an_answer()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var late = await register.RegisterAsync(Complaints.Valid(), "sophie"); // FR-ACPR, due 2 May 2026
        var answered = await register.RegisterAsync(Complaints.Valid(), "sophie");
        var lu = await register.RegisterAsync(Complaints.Valid(profile: "LU-CAA"), "sophie"); // due 1 April 2026
        await register.UpdateAsync(answered.Id, "paul", "Réponse envoyée", c => c.AnsweredAt = database.Clock.GetUtcNow());

        database.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 2, 12, 0, 0, TimeSpan.FromHours(2)));
        (await Refs(register, new ComplaintFilter { Overdue = true })).Should().Equal(lu.Reference);

        // Still 2 May in Paris at 23:59: not yet overdue; one minute later it is.
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 2, 23, 59, 0, TimeSpan.FromHours(2)));
        (await Refs(register, new ComplaintFilter { Overdue = true })).Should().Equal(lu.Reference);
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Refs(register, new ComplaintFilter { Overdue = true })).Should().Equal(late.Reference, lu.Reference);
        (await Refs(register, new ComplaintFilter { Overdue = false })).Should().Equal(answered.Reference);
    }

    private static async Task<IEnumerable<string>> Refs(ComplaintRegister register, ComplaintFilter filter) =>
        (await register.ListAsync(filter)).Select(c => c.Reference);
}
