using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ReferralTests
{
    [Fact]
    public async Task A_referral_to_the_CAA_keeps_its_reference_and_the_firms_answer_deadline_then_the_answer_audited()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var referral = await register.AddReferralAsync(complaint.Id,
            new NewReferral(ReferralBody.Caa, new DateOnly(2026, 3, 4), " CAA-2026-0042 ", new DateOnly(2026, 4, 3), null), "resp");
        await register.RecordReferralAnswerAsync(complaint.Id, referral.Id, new DateOnly(2026, 3, 5), "resp");

        var stored = (await register.ReferralsAsync(complaint.Id)).Should().ContainSingle().Subject;
        stored.TheirReference.Should().Be("CAA-2026-0042");
        stored.FirmAnswerDueOn.Should().Be(new DateOnly(2026, 4, 3));
        stored.FirmAnsweredOn.Should().Be(new DateOnly(2026, 3, 5));
        var audit = (await register.GetAsync(complaint.Id)).Audit.Select(a => a.Action).ToList();
        audit.Should().Contain("Saisine du CAA enregistrée").And.Contain("Réponse au CAA enregistrée");
    }

    [Fact]
    public async Task A_referral_is_refused_naming_what_is_wrong_and_nothing_is_stored()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var refused = await register.Invoking(r => r.AddReferralAsync(complaint.Id,
                new NewReferral(null, new DateOnly(2026, 3, 20), null, null, null), "resp"))
            .Should().ThrowAsync<RegisterValidationException>();
        refused.Which.Errors.Select(e => e.Field).Should().BeEquivalentTo("body", "referredOn");
        var mediatorDeadline = await register.Invoking(r => r.AddReferralAsync(complaint.Id,
                new NewReferral(ReferralBody.Mediator, new DateOnly(2026, 3, 4), "MED-1", new DateOnly(2026, 4, 1), null), "resp"))
            .Should().ThrowAsync<RegisterValidationException>();
        mediatorDeadline.Which.Errors.Should().ContainSingle(e => e.Field == "firmAnswerDueOn");

        (await register.ReferralsAsync(complaint.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_complaint_received_through_the_mediator_records_it_with_its_reference()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var complaint = await register.RegisterAsync(Complaints.Valid() with
        {
            ReceivedThrough = ReferralBody.Mediator, ReceivedThroughReference = "MEDIA-2026-118",
        }, "sophie");
        var missing = await register.Invoking(r => r.RegisterAsync(Complaints.Valid() with { ReceivedThrough = ReferralBody.Caa }, "sophie"))
            .Should().ThrowAsync<RegisterValidationException>();

        var stored = (await register.GetAsync(complaint.Id)).Complaint;
        stored.ReceivedThrough.Should().Be(ReferralBody.Mediator);
        stored.ReceivedThroughReference.Should().Be("MEDIA-2026-118");
        missing.Which.Errors.Should().ContainSingle(e => e.Field == "receivedThroughReference");
    }
}
