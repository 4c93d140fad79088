using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Persistence;
using Reclamations.Web.Tests.Complaints;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>The studio's migration screen: a complaint's instance of version n listed with its reference, the engine's
/// plan as the editable mapping, a preview that refuses an unmapped step by name, then the move to n+1 (engine history and
/// the complaint's audit trail keep it, with the signed-in process owner).</summary>
public sealed class StudioMigrationPageTests
{
    private const string Page = "/studio/processus/complaint-handling/migration";

    [Fact]
    public async Task The_process_owner_previews_then_moves_a_complaint_s_instance_to_the_next_version()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var now = (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", now));
        var reference = created["reference"]!.GetValue<string>();
        var complaintId = Guid.Parse(created["id"]!.GetValue<string>());
        var instanceId = await InstanceOfAsync(s, complaintId);
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");
        var xml = await File.ReadAllTextAsync(Path.Combine(RepoFolders.Find("workflows"), "complaint-handling.bpmn"));
        var deployed = await owner.PostAsync("/api/engine/deployments?comment=Qualification%20renomm%C3%A9e",
            new StringContent(xml.Replace("name=\"Qualifier la demande\"", "name=\"Qualifier la demande reçue\""), Encoding.UTF8, "application/xml"));
        deployed.StatusCode.Should().Be(HttpStatusCode.Created, await deployed.Content.ReadAsStringAsync());

        var page = await owner.GetStringAsync($"{Page}?from=1&to=2");
        var shown = WebUtility.HtmlDecode(page);
        shown.Should().Contain(reference).And.Contain("Instances en cours de la version 1");
        var fields = StudioForms.FieldsOf(page, "Preview");
        fields.Should().Contain(("map[Task_Qualify]", "Task_Qualify"), "the engine's plan maps equal elements");
        fields.Should().Contain(("instance", instanceId.ToString()));

        var unmapped = await owner.PostFormAsync($"{Page}?from=1&to=2", "Preview", StudioForms.FieldsOf(page, "Preview").With("map[Task_Qualify]", ""));
        var refusal = await unmapped.TextAsync();
        refusal.Should().Contain("Aperçu de la migration").And.Contain("Refusée")
            .And.Contain("l'instance attend dans « Qualifier la demande » (Task_Qualify), qui n'a pas de correspondance dans la version 2");

        var preview = await (await owner.PostFormAsync($"{Page}?from=1&to=2", "Preview", fields)).TextAsync();
        preview.Should().Contain("1 instance(s) peuvent migrer").And.Contain("Rien n'a encore changé");
        (await VersionOfAsync(s, instanceId)).Should().Be(1, "a preview changes nothing");

        var executed = await (await owner.PostFormAsync($"{Page}?from=1&to=2", "Execute", fields)).TextAsync();
        executed.Should().Contain("Résultat de la migration").And.Contain("1 instance(s) migrée(s) vers la version 2");
        (await VersionOfAsync(s, instanceId)).Should().Be(2);
        var history = await (await s.Client.GetAsync($"/api/engine/process-instances/{instanceId}/history")).Content.ReadAsStringAsync();
        history.Should().Contain("ProcessInstanceMigrated").And.Contain("paul.owner");
        await using var db = await s.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync();
        (await db.AuditEntries.AsNoTracking().Where(a => a.ComplaintId == complaintId && a.Action == "Migration du processus").ToListAsync())
            .Should().ContainSingle().Which.User.Should().Be("paul.owner");
        await s.CompleteAsync(created["id"]!.GetValue<string>(), "Task_Qualify", new { qualification = "complaint" });
    }

    [Fact]
    public async Task Other_roles_get_no_migration_screen_and_no_diff()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var staff = s.PageClientAs("staff.user");
        foreach (var url in new[] { Page, "/studio/processus/complaint-handling/diff" })
        {
            var response = await staff.GetAsync(url);
            response.Headers.Location?.AbsolutePath.Should().Be("/acces-refuse", url);
        }
        var owner = s.PageClientAs("paul.owner", "ProcessOwner");
        (await owner.GetAsync("/studio/processus/unknown-process/migration")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await owner.GetAsync(Page)).TextAsync()).Should().Contain("n'a qu'une version : aucune migration possible");
    }

    private static async Task<Guid> InstanceOfAsync(ComplaintScenario s, Guid complaintId)
    {
        await using var db = await s.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync();
        return (await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId)).ProcessInstanceId!.Value;
    }

    private static async Task<int> VersionOfAsync(ComplaintScenario s, Guid instanceId) =>
        (await (await s.Client.GetAsync($"/api/engine/process-instances/{instanceId}")).JsonAsync())["definitionVersion"]!.GetValue<int>();
}
