using System.Net;
using System.Text.RegularExpressions;
using Reclamations.Web.Studio.Simulation;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>A draft saved in the designer is simulated before it is deployed: the simulation page offers the drafts next
/// to the deployed versions and runs the chosen one in a sandbox.</summary>
public sealed class SimulationDraftPageTests : IDisposable
{
    private readonly WebHost _host = WebHost.WithRealWorkflows();

    public void Dispose() => _host.DisposeAndDelete();

    [Fact]
    public async Task A_designer_draft_is_offered_and_runs_in_a_sandbox()
    {
        using var api = _host.ClientAs("owner", "ProcessOwner");
        var xml = await api.GetStringAsync("/api/engine/process-definitions/complaint-handling/xml");
        var renamed = xml.Replace("name=\"Qualifier la demande\"", "name=\"Qualifier la demande (brouillon)\"", StringComparison.Ordinal);
        renamed.Should().NotBe(xml);
        var created = await api.PostAsync("/api/studio/drafts?processKey=complaint-handling&comment=essai",
            new StringContent(renamed, System.Text.Encoding.UTF8, "application/xml"));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draftId = (await created.JsonAsync())["id"]!.GetValue<string>();

        using var pages = _host.PageClientAs("owner", "ProcessOwner");
        var page = await pages.GetStringAsync("/studio/simulation");
        page.Should().Contain($"value=\"draft:{draftId}\"", "the drafts are offered beside the deployed versions");
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var started = await pages.PostAsync("/studio/simulation?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["definition"] = $"draft:{draftId}", ["scenario"] = SimulationScenarios.FrenchWritten,
        }));
        started.StatusCode.Should().Be(HttpStatusCode.Found, "a started sandbox is shown on its own page");
        var shown = WebUtility.HtmlDecode(await pages.GetStringAsync(started.Headers.Location));
        shown.Should().Contain("brouillon de « complaint-handling »").And.Contain("Qualifier la demande (brouillon)",
            "the sandbox runs the draft's diagram, not the deployed one");

        var gone = await pages.PostAsync("/studio/simulation?handler=Start", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["definition"] = $"draft:{Guid.NewGuid()}", ["scenario"] = SimulationScenarios.FrenchWritten,
        }));
        WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync()).Should().Contain("Ce brouillon n'existe plus.");
    }
}
