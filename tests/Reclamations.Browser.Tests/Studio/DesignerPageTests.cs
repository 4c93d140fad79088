using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;
using Reclamations.Engine.Runtime;

namespace Reclamations.Browser.Tests.Studio;

/// <summary>The studio's designer: the process owner changes a user task in the properties panel and deploys version n+1
/// with a comment (new complaints run on it, running ones keep theirs); a diagram the engine refuses is marked on its
/// elements; the pages pass the accessibility check.</summary>
[Collection(StudioCollection.Name)]
public sealed class DesignerPageTests(StudioApp app)
{
    private const string Process = "complaint-handling";

    private ProcessEngine Engine => app.Services.GetRequiredService<ProcessEngine>();

    [Fact]
    public async Task The_owner_changes_a_task_in_the_properties_panel_and_deploys_a_version_new_complaints_follow()
    {
        var staff = await app.ActorAsync("staff@demo.local");
        var owner = await app.ActorAsync("owner@demo.local");
        var before = (await Engine.GetProcessDefinitionsAsync()).Single(d => d.Key == Process);
        var running = await app.RegisterComplaintAsync(staff, "Mme Avant Déploiement");

        var page = await app.SignInAsync("owner@demo.local");
        await page.GotoAsync("/studio");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Studio des processus", Level = 1 }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("studio-index");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Ouvrir la dernière version de {Process}" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-studio-designer][data-ready='true']");
        (await page.Locator(".bjsl-button").InnerTextAsync()).Should().Contain("Aucun problème", "the shipped workflow passes the engine's rules");

        await page.Locator(".djs-element[data-element-id='Task_PressInquiry']").ClickAsync(new() { Force = true });
        var panel = page.Locator(".designer-panel");
        await panel.GetByText("Affectation de l'utilisateur", new() { Exact = true }).ClickAsync();
        await panel.GetByLabel("Groupes candidats").FillAsync("Direction,ComplaintsOfficer");
        var name = panel.GetByLabel("Nom", new() { Exact = true });
        if (!await name.IsVisibleAsync()) await panel.GetByText("Général", new() { Exact = true }).ClickAsync();
        await name.FillAsync("Demande de la presse : politique de crise (Direction)");
        await page.Locator(".djs-element[data-element-id='Task_PressInquiry']")
            .Filter(new() { HasText = "politique de crise (Direction)" }).WaitForAsync();
        await page.ShouldBeAccessibleAsync("studio-designer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Brouillon enregistré" }).WaitForAsync();
        new Uri(page.Url).Query.Should().StartWith("?draft=");

        await page.GetByLabel("Commentaire du déploiement (obligatoire : ce qui change et pourquoi)")
            .FillAsync("Presse : le responsable réclamations peut aussi prendre la tâche");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déployer une nouvelle version" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Version {before.Version + 1} de {Process} déployée" }).WaitForAsync();

        var deployed = (await Engine.GetProcessDefinitionsAsync()).Single(d => d.Key == Process);
        deployed.Version.Should().Be(before.Version + 1);
        deployed.DeployedBy.Should().Be(owner.Id);
        deployed.Comment.Should().Be("Presse : le responsable réclamations peut aussi prendre la tâche");
        var xml = await Engine.GetProcessDefinitionXmlAsync(Process, deployed.Version);
        xml.Should().Contain("name=\"Demande de la presse : politique de crise (Direction)\"")
            .And.Contain("camunda:candidateGroups=\"Direction,ComplaintsOfficer\"");

        var fresh = await app.RegisterComplaintAsync(staff, "M. Après Déploiement");
        (await Engine.GetProcessInstanceAsync(fresh.ProcessInstanceId!.Value, owner)).DefinitionVersion.Should().Be(deployed.Version);
        (await Engine.GetProcessInstanceAsync(running.ProcessInstanceId!.Value, owner)).DefinitionVersion.Should().Be(before.Version,
            "a running complaint keeps the version it started on");

        await page.GotoAsync("/studio");
        var versions = page.Locator("table").Filter(new() { HasText = $"Versions de {Process}" });
        (await versions.Locator("tbody tr").First.InnerTextAsync()).Should().Contain(deployed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .And.Contain("Presse : le responsable réclamations peut aussi prendre la tâche");
        (await page.GetByRole(AriaRole.Link, new() { Name = $"Comparer la version {deployed.Version} à la version {before.Version} de {Process}" })
            .GetAttributeAsync("href")).Should().Be($"/studio/processus/{Process}/diff?from={before.Version}&to={deployed.Version}");
    }

    [Fact]
    public async Task A_diagram_the_engine_refuses_is_marked_on_its_elements_and_not_deployed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"invalide-{Guid.NewGuid():N}.bpmn");
        await File.WriteAllTextAsync(file, Invalid);
        var page = await app.SignInAsync("owner@demo.local");
        await page.GotoAsync("/studio");
        await page.GetByLabel("Identifiant du nouveau processus (clé BPMN, sans espace)").FillAsync("essai-invalide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nouveau processus" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-studio-designer][data-ready='true']");

        await page.Locator("#designer-import-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "est ouvert" }).WaitForAsync();
        await page.Locator(".bjsl-button").Filter(new() { HasText = "erreur(s)" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Valider avec le moteur" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Le moteur refuse ce diagramme" }).WaitForAsync();
        (await page.Locator("#designer-problems").InnerTextAsync()).Should().Contain("Gateway_Open").And.Contain("no outgoing sequence flow");
        (await page.Locator(".djs-element.validation-error[data-element-id='Gateway_Open']").CountAsync()).Should().Be(1);
        (await page.Locator(".bjsl-overlay").CountAsync()).Should().BeGreaterThanOrEqualTo(2, "the lint marks the gateway and the unknown topic");

        // The structure fixed, the engine names the topic no handler serves.
        await File.WriteAllTextAsync(file, Invalid.Replace("<bpmn:incoming>Flow_2</bpmn:incoming></bpmn:exclusiveGateway>",
            "<bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing></bpmn:exclusiveGateway>"
            + "<bpmn:endEvent id=\"End\"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>"
            + "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Gateway_Open\" targetRef=\"End\" />", StringComparison.Ordinal));
        await page.Locator("#designer-import-file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "est ouvert" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider avec le moteur" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Le moteur refuse ce diagramme" }).WaitForAsync();
        (await page.Locator("#designer-problems").InnerTextAsync()).Should().Contain("Task_Unknown").And.Contain("'unknown-topic'")
            .And.NotContain("Gateway_Open");
        (await page.Locator(".djs-element.validation-error[data-element-id='Task_Unknown']").CountAsync()).Should().Be(1);
        (await page.Locator(".djs-element.validation-error[data-element-id='Gateway_Open']").CountAsync()).Should().Be(0);

        await page.GetByLabel("Commentaire du déploiement (obligatoire : ce qui change et pourquoi)").FillAsync("essai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déployer une nouvelle version" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Déploiement refusé" }).WaitForAsync();
        (await page.Locator(".djs-element.validation-error[data-element-id='Task_Unknown']").CountAsync()).Should().Be(1);
        (await Engine.GetProcessDefinitionsAsync()).Should().NotContain(d => d.Key == "essai-invalide");
        File.Delete(file);
    }

    /// <summary>An exclusive gateway with no way out and a service task whose topic no handler serves.</summary>
    private const string Invalid = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="essai-invalide" name="Essai invalide" isExecutable="true" camunda:historyTimeToLive="P1827D">
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Task_Unknown" name="Sujet inconnu" camunda:type="external" camunda:topic="unknown-topic">
              <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:exclusiveGateway id="Gateway_Open" name="Sans issue"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:exclusiveGateway>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Unknown" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Unknown" targetRef="Gateway_Open" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_1">
            <bpmndi:BPMNPlane id="Plane_1" bpmnElement="essai-invalide">
              <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="160" y="160" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Unknown_di" bpmnElement="Task_Unknown"><dc:Bounds x="250" y="138" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Gateway_Open_di" bpmnElement="Gateway_Open" isMarkerVisible="true"><dc:Bounds x="410" y="153" width="50" height="50" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="196" y="178" /><di:waypoint x="250" y="178" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="350" y="178" /><di:waypoint x="410" y="178" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
