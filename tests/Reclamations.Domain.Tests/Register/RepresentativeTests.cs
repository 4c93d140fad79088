using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class RepresentativeTests
{
    [Fact]
    public async Task A_complaint_made_by_a_representative_keeps_their_details_and_capacity()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var input = Complaints.Valid() with
        {
            Representative = new NewRepresentative
            {
                Name = " Maître Jean Lefort ", Capacity = RepresentativeCapacity.Agent, Email = "j.lefort@avocats.example.fr",
                PostalAddress = "3 place Stanislas\n54000 Nancy", Phone = "03 83 00 00 00",
            },
        };

        var complaint = await register.RegisterAsync(input, "sophie");

        var stored = (await register.GetAsync(complaint.Id)).Complaint;
        stored.Representative!.Name.Should().Be("Maître Jean Lefort");
        stored.Representative.Capacity.Should().Be(RepresentativeCapacity.Agent);
        stored.Representative.PostalAddress.Should().Be("3 place Stanislas\n54000 Nancy");
        stored.Complainant.Name.Should().Be("Claire Martin", "the client stays the complainant of record");
        (await register.GetAsync(complaint.Id)).Audit[0].Details.Should().Contain("Maître Jean Lefort");
    }

    [Fact]
    public async Task A_representative_needs_a_name_a_capacity_and_an_address_to_write_to()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var refused = await register.Invoking(r => r.RegisterAsync(Complaints.Valid() with { Representative = new NewRepresentative() }, "sophie"))
            .Should().ThrowAsync<RegisterValidationException>();
        refused.Which.Errors.Select(e => e.Field).Should().BeEquivalentTo("representative.name", "representative.capacity", "representative.email");
        var badMail = await register.Invoking(r => r.RegisterAsync(Complaints.Valid() with
            {
                Representative = new NewRepresentative { Name = "Paul Héritier", Capacity = RepresentativeCapacity.Heir, Email = "pas-une-adresse" },
            }, "sophie")).Should().ThrowAsync<RegisterValidationException>();
        badMail.Which.Errors.Should().ContainSingle(e => e.Field == "representative.email" && e.Message.Contains("pas-une-adresse"));
        (await register.ListAsync()).Should().BeEmpty();
    }
}
