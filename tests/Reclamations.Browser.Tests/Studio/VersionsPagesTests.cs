using System.Text.Json;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Studio;

/// <summary>The studio's version pages, with a version of complaint-handling deployed through the API by the test: the
/// diff marks the changed task on the diagram and lists its properties old → new; the migration screen moves a
/// complaint's instance from version n to n+1.</summary>
[Collection(StudioCollection.Name)]
public sealed class VersionsPagesTests(StudioApp app)
{
    private const string Key = "complaint-handling";

    /// <summary>Deploys the latest version with the qualification task renamed and given another candidate group, as the
    /// signed-in owner (<paramref name="groups"/>: its candidate groups); returns (n, n+1).</summary>
    private static async Task<(int Old, int New)> DeployChangedVersionAsync(IPage owner, string taskName, string groups)
    {
        var latest = await LatestVersionAsync(owner);
        var xml = await (await owner.APIRequest.GetAsync($"/api/engine/process-definitions/{Key}/xml?version={latest}")).TextAsync();
        var qualify = System.Text.RegularExpressions.Regex.Match(xml, "<bpmn:userTask id=\"Task_Qualify\"[^>]*>").Value;
        var changed = System.Text.RegularExpressions.Regex.Replace(qualify, "name=\"[^\"]*\"", $"name=\"{taskName}\"");
        changed = System.Text.RegularExpressions.Regex.Replace(changed, "camunda:candidateGroups=\"[^\"]*\"", $"camunda:candidateGroups=\"{groups}\"");
        var deployed = await owner.APIRequest.PostAsync($"/api/engine/deployments?comment={Uri.EscapeDataString("Qualification : " + taskName)}",
            new() { Data = xml.Replace(qualify, changed), Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" } });
        deployed.Status.Should().Be(201, await deployed.TextAsync());
        (await LatestVersionAsync(owner)).Should().Be(latest + 1);
        return (latest, latest + 1);
    }

    private static async Task<int> LatestVersionAsync(IPage page)
    {
        var list = await (await page.APIRequest.GetAsync("/api/engine/process-definitions")).JsonAsync();
        return list!.Value.EnumerateArray().Single(d => d.GetProperty("key").GetString() == Key).GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task The_version_diff_marks_the_changed_task()
    {
        var owner = await app.SignInAsync("owner@demo.local");
        var (from, to) = await DeployChangedVersionAsync(owner, "Qualifier et orienter la demande", "Staff,ComplaintsOfficer,Direction");

        await owner.GotoAsync($"/studio/processus/{Key}/diff?from={from}&to={to}");
        await owner.Locator("[data-version-diff][data-ready='true']").WaitForAsync();

        var row = owner.Locator("#diff-changes tbody tr[data-element-id='Task_Qualify']");
        (await row.GetAttributeAsync("data-kind")).Should().Be("changed");
        var text = await row.InnerTextAsync();
        text.Should().Contain("Qualifier et orienter la demande").And.Contain("→ Qualifier et orienter la demande")
            .And.Contain("candidateGroups").And.Contain("→ Staff,ComplaintsOfficer,Direction");
        (await owner.Locator(".djs-element.diff-changed[data-element-id='Task_Qualify']").CountAsync()).Should().Be(1,
            "the changed task is marked on the diagram of the newer version");
        (await owner.Locator("#diff-changes tbody tr[data-kind='changed']").CountAsync()).Should().Be(1, "only that task changed");
        (await owner.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("1 modifié(s)");
        await owner.ShouldBeAccessibleAsync("studio-diff");
        await owner.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "studio-diff.png"), FullPage = false });
    }

    [Fact]
    public async Task The_migration_screen_moves_an_instance_of_version_n_to_n_plus_1()
    {
        var staff = await app.ActorAsync("staff@demo.local");
        var complaint = await app.RegisterComplaintAsync(staff, "M. Paul Migration");
        var owner = await app.SignInAsync("owner@demo.local");
        var instance = complaint.ProcessInstanceId!.Value;
        var before = await VersionOfAsync(owner, instance);
        var (_, to) = await DeployChangedVersionAsync(owner, "Qualifier la demande (v. migrée)", "Staff,ComplaintsOfficer");

        await owner.GotoAsync($"/studio/processus/{Key}/migration?from={before}&to={to}");
        await owner.GetByRole(AriaRole.Heading, new() { Name = $"Instances en cours de la version {before}" }).WaitForAsync();
        await owner.ShouldBeAccessibleAsync("studio-migration");
        // Only the test's complaint is chosen.
        foreach (var box in await owner.Locator("input[name='instance']").AllAsync())
            if (await box.GetAttributeAsync("value") != instance.ToString()) await box.UncheckAsync();
        await owner.GetByLabel($"Migrer {complaint.Reference}").CheckAsync();
        (await owner.Locator("#map-Task_Qualify").InputValueAsync()).Should().Be("Task_Qualify", "the engine's plan maps equal elements");

        await owner.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await owner.GetByRole(AriaRole.Heading, new() { Name = "Aperçu de la migration" }).WaitForAsync();
        (await owner.Locator($"tr[data-instance='{instance}']").InnerTextAsync()).Should().Contain("Peut migrer");
        (await VersionOfAsync(owner, instance)).Should().Be(before);

        await owner.GetByRole(AriaRole.Button, new() { Name = "Migrer les instances choisies" }).ClickAsync();
        await owner.GetByRole(AriaRole.Heading, new() { Name = "Résultat de la migration" }).WaitForAsync();
        (await owner.Locator($"tr[data-instance='{instance}']").InnerTextAsync()).Should().Contain("Migrée");
        (await VersionOfAsync(owner, instance)).Should().Be(to, "the engine's API says the instance runs on n+1");
    }

    private static async Task<int> VersionOfAsync(IPage page, Guid instance)
    {
        var json = await (await page.APIRequest.GetAsync($"/api/engine/process-instances/{instance}")).JsonAsync();
        return json!.Value.GetProperty("definitionVersion").GetInt32();
    }
}
