using System.Text.Json.Nodes;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class ComplaintUpdateTests
{
    [Fact]
    public async Task Registration_is_audited_with_the_user_and_the_recorded_fields()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var entry = (await register.GetAsync(complaint.Id)).Audit.Should().ContainSingle().Which;
        entry.Action.Should().Be("Enregistrement");
        entry.User.Should().Be("sophie");
        entry.At.Should().Be(database.Clock.GetUtcNow());
        var details = JsonNode.Parse(entry.Details)!.AsObject();
        ((string?)details["reference"]!["new"]).Should().Be(complaint.Reference);
        ((string?)details["complainant.name"]!["new"]).Should().Be("Claire Martin");
        ((string?)details["channel"]!["new"]).Should().Be("Courrier");
    }

    [Fact]
    public async Task An_update_audits_each_changed_field_old_and_new_with_the_user_and_bumps_the_revision()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        database.Clock.Advance(TimeSpan.FromHours(2));
        var acknowledgedAt = database.Clock.GetUtcNow();

        var updated = await register.UpdateAsync(complaint.Id, "paul", AuditActions.AcknowledgementSent, c =>
        {
            c.AcknowledgedAt = acknowledgedAt;
            c.Status = ComplaintStatus.InProgress;
            c.Complainant.Email = "claire@example.org";
            c.DeadlineBreaches.Add("acknowledgement");
        });

        updated.Revision.Should().Be(complaint.Revision + 1);
        var file = await register.GetAsync(complaint.Id);
        file.Complaint.Status.Should().Be(ComplaintStatus.InProgress);
        file.Complaint.Complainant.Email.Should().Be("claire@example.org");
        file.Complaint.DeadlineBreaches.Should().Equal("acknowledgement");
        file.Complaint.AcknowledgedAt.Should().Be(acknowledgedAt);
        var entry = file.Audit.Last();
        entry.User.Should().Be("paul");
        entry.Action.Should().Be("Accusé de réception envoyé");
        entry.At.Should().Be(acknowledgedAt);
        var details = JsonNode.Parse(entry.Details)!.AsObject();
        details.Select(p => p.Key).Should().BeEquivalentTo("acknowledgedAt", "status", "complainant.email", "deadlineBreaches");
        ((string?)details["status"]!["old"]).Should().Be("Registered");
        ((string?)details["status"]!["new"]).Should().Be("InProgress");
        ((string?)details["complainant.email"]!["old"]).Should().Be("claire.martin@example.fr");
        ((string?)details["complainant.email"]!["new"]).Should().Be("claire@example.org");
        details["acknowledgedAt"]!["old"].Should().BeNull();
        details["deadlineBreaches"]!["new"]!.AsArray().Select(n => (string?)n).Should().Equal("acknowledgement");
    }

    [Fact]
    public async Task Replacing_the_complainant_is_stored_and_audited_field_by_field()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        await register.UpdateAsync(complaint.Id, "paul", "Modification", c => c.Complainant = new Complainant
        {
            Name = "Jean Martin",
            Kind = ComplainantKind.RepresentativeOrHeir,
            Email = "claire.martin@example.fr",
        });

        var file = await register.GetAsync(complaint.Id);
        file.Complaint.Complainant.Should().BeEquivalentTo(new
        {
            Name = "Jean Martin",
            Kind = ComplainantKind.RepresentativeOrHeir,
            Email = "claire.martin@example.fr",
            PostalAddress = (string?)null,
            Phone = (string?)null,
        });
        JsonNode.Parse(file.Audit.Last().Details)!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            "complainant.name", "complainant.kind", "complainant.postalAddress", "complainant.phone");
    }

    [Fact]
    public async Task A_concurrent_change_is_a_clear_conflict_and_the_loser_stores_nothing()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        // The other writer commits while this update is between its read and its write.
        var act = () => register.UpdateAsync(complaint.Id, "paul", "Modification", c =>
        {
            register.UpdateAsync(complaint.Id, "claire", "Modification", other => other.Handler = "Claire").GetAwaiter().GetResult();
            c.Handler = "Paul";
        });

        (await act.Should().ThrowAsync<ComplaintConflictException>()).Which.Message.Should().Contain(complaint.Reference).And.Contain("modifiée");
        var file = await register.GetAsync(complaint.Id);
        file.Complaint.Handler.Should().Be("Claire");
        file.Complaint.Revision.Should().Be(2);
        file.Audit.Select(a => a.User).Should().Equal("sophie", "claire");
    }

    [Fact]
    public async Task A_stale_expected_revision_is_a_conflict()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await register.UpdateAsync(complaint.Id, "paul", "Modification", c => c.Handler = "Paul", expectedRevision: 1);

        var act = () => register.UpdateAsync(complaint.Id, "claire", "Modification", c => c.Handler = "Claire", expectedRevision: 1);

        await act.Should().ThrowAsync<ComplaintConflictException>();
    }

    [Fact]
    public async Task An_update_to_an_unknown_category_is_rejected()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var act = () => register.UpdateAsync(complaint.Id, "paul", "Modification", c => c.Category = "weather");

        (await act.Should().ThrowAsync<RegisterValidationException>()).Which.Errors.Single().Field.Should().Be("category");
        (await register.GetAsync(complaint.Id)).Complaint.Category.Should().Be("adviceQuality");
    }

    [Fact]
    public async Task Unknown_ids_and_references_are_not_found()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);

        await register.Invoking(r => r.GetAsync(Guid.NewGuid())).Should().ThrowAsync<ComplaintNotFoundException>();
        await register.Invoking(r => r.GetByReferenceAsync("REC-2026-99999")).Should().ThrowAsync<ComplaintNotFoundException>();
        await register.Invoking(r => r.UpdateAsync(Guid.NewGuid(), "paul", "Modification", _ => { }))
            .Should().ThrowAsync<ComplaintNotFoundException>();
    }

    [Fact]
    public async Task Attaching_the_process_instance_is_stored_and_audited()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        var instanceId = Guid.NewGuid();

        await register.AttachProcessAsync(complaint.Id, instanceId);

        var file = await register.GetByReferenceAsync(complaint.Reference);
        file.Complaint.ProcessInstanceId.Should().Be(instanceId);
        file.Audit.Last().Action.Should().Be(AuditActions.ProcessAttached);
    }

    [Fact]
    public async Task Corrective_actions_are_added_and_their_status_changes_are_audited()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var action = await register.AddCorrectiveActionAsync(
            complaint.Id, "direction", "Former l'équipe au devoir de conseil", "Paul Durand", new DateOnly(2026, 6, 30));
        await register.SetCorrectiveActionStatusAsync(action.Id, CorrectiveActionStatus.Done, "direction");

        var file = await register.GetAsync(complaint.Id);
        file.CorrectiveActions.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Description = "Former l'équipe au devoir de conseil",
            Owner = "Paul Durand",
            DueDate = new DateOnly(2026, 6, 30),
            Status = CorrectiveActionStatus.Done,
        });
        file.Audit.Select(a => a.Action).Should().Equal("Enregistrement", "Action corrective ajoutée", "Action corrective mise à jour");
        var details = JsonNode.Parse(file.Audit.Last().Details)!.AsObject().Single();
        ((string?)details.Value!["old"]).Should().Be("Open");
        ((string?)details.Value!["new"]).Should().Be("Done");
    }
}
