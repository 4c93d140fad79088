using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class VersioningTests
{
    private static string V1 => Process("p", """
        <startEvent id="s" />
        <userTask id="first" />
        <userTask id="second_v1" />
        """ + Chain("s", "first", "second_v1"));

    private static string V2 => Process("p", """
        <startEvent id="s" />
        <userTask id="first" />
        <userTask id="second_v2" />
        """ + Chain("s", "first", "second_v2"));

    [Fact]
    public async Task Redeploying_identical_xml_makes_no_new_version()
    {
        await using var h = await EngineHarness.StartAsync();
        var first = await h.DeployAsync(V1);
        var again = await h.DeployAsync(V1);

        first.Should().Be(new DeployedDefinition("p:1", "p", 1, null, true));
        again.Version.Should().Be(1);
        again.IsNew.Should().BeFalse();
        again.Id.Should().Be(first.Id);
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().ContainSingle();
    }

    [Fact]
    public async Task Changed_xml_makes_version_2_while_running_instances_keep_version_1()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(V1);
        var old = await h.StartAsync("p");

        var v2 = await h.DeployAsync(V2);
        v2.Version.Should().Be(2);
        v2.IsNew.Should().BeTrue();

        await h.CompleteAsync(old.Id, "first");
        var oldNow = await h.InstanceAsync(old.Id);
        oldNow.DefinitionVersion.Should().Be(1);
        oldNow.ActiveActivityIds.Should().Equal("second_v1");

        var fresh = await h.StartAsync("p");
        fresh.DefinitionVersion.Should().Be(2);
        await h.CompleteAsync(fresh.Id, "first");
        (await h.InstanceAsync(fresh.Id)).ActiveActivityIds.Should().Equal("second_v2");

        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Select(d => d.Version).Should().Equal(1, 2);
        (await h.Engine.GetProcessDefinitionsAsync()).Should().ContainSingle().Which.Version.Should().Be(2);
    }

    [Fact]
    public async Task An_old_version_instance_continues_on_version_1_after_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(V1);
        var old = await h.StartAsync("p");
        await h.DeployAsync(V2);

        await h.RestartAsync();
        await h.CompleteAsync(old.Id, "first");

        (await h.InstanceAsync(old.Id)).ActiveActivityIds.Should().Equal("second_v1");
        (await h.SingleTaskAsync(old.Id)).TaskDefinitionKey.Should().Be("second_v1");
    }

    [Fact]
    public async Task The_definition_xml_is_the_latest_unless_a_version_is_asked()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(V1);
        await h.DeployAsync(V2);

        (await h.Engine.GetProcessDefinitionXmlAsync("p")).Should().Be(V2);
        (await h.Engine.GetProcessDefinitionXmlAsync("p", 1)).Should().Be(V1);
    }

    [Fact]
    public async Task An_unsupported_element_is_refused_naming_it_and_nothing_is_deployed()
    {
        await using var h = await EngineHarness.StartAsync();
        var bad = Process("p", """
            <startEvent id="s" />
            <complexGateway id="cg" />
            <endEvent id="e" />
            """ + Chain("s", "cg", "e"));

        var act = () => h.DeployAsync(bad);

        var error = (await act.Should().ThrowAsync<BpmnValidationException>()).Which;
        error.Errors.Should().Contain(e => e.ElementId == "cg");
        error.Message.Should().Contain("cg");
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_service_task_with_an_unregistered_topic_is_refused_naming_it()
    {
        await using var h = await EngineHarness.StartAsync();
        var bad = Process("p", """
            <startEvent id="s" />
            <serviceTask id="typo" camunda:type="external" camunda:topic="sned-mail" />
            <endEvent id="e" />
            """ + Chain("s", "typo", "e"));

        var act = () => h.DeployAsync(bad);

        var error = (await act.Should().ThrowAsync<BpmnValidationException>()).Which;
        error.Errors.Should().ContainSingle().Which.ElementId.Should().Be("typo");
        error.Message.Should().Contain("sned-mail");
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().BeEmpty();
    }

    [Fact]
    public async Task One_bad_file_in_a_multi_file_deployment_deploys_none()
    {
        await using var h = await EngineHarness.StartAsync();
        var good = Process("good", """<startEvent id="s" /><endEvent id="e" />""" + Chain("s", "e"));
        var bad = Process("bad", """
            <startEvent id="s" />
            <complexGateway id="cg" />
            <endEvent id="e" />
            """ + Chain("s", "cg", "e"));

        var act = () => h.Engine.DeployAsync([new BpmnResource("good.bpmn", good), new BpmnResource("bad.bpmn", bad)]);

        var error = (await act.Should().ThrowAsync<BpmnValidationException>()).Which;
        error.Errors.Should().Contain(e => e.ElementId == "cg" && e.Message.Contains("bad.bpmn"));
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().BeEmpty();
        var start = () => h.StartAsync("good");
        await start.Should().ThrowAsync<Reclamations.Engine.Runtime.NotFoundException>();
    }

    [Fact]
    public async Task A_failed_redeployment_keeps_the_previous_version_in_force()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(V1);
        var bad = Process("p", """<startEvent id="s" /><complexGateway id="cg" />""" + Chain("s", "cg"));

        await ((Func<Task>)(() => h.DeployAsync(bad))).Should().ThrowAsync<BpmnValidationException>();

        (await h.Engine.GetProcessDefinitionsAsync()).Should().ContainSingle().Which.Version.Should().Be(1);
        (await h.Engine.GetProcessDefinitionXmlAsync("p")).Should().Be(V1);
        (await h.StartAsync("p")).DefinitionVersion.Should().Be(1);
    }

    [Fact]
    public async Task Asking_the_xml_of_an_unknown_process_or_version_is_not_found()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(V1);

        await ((Func<Task>)(() => h.Engine.GetProcessDefinitionXmlAsync("nope"))).Should()
            .ThrowAsync<Reclamations.Engine.Runtime.NotFoundException>().WithMessage("*'nope'*");
        await ((Func<Task>)(() => h.Engine.GetProcessDefinitionXmlAsync("p", 2))).Should()
            .ThrowAsync<Reclamations.Engine.Runtime.NotFoundException>();
    }

    [Fact]
    public async Task Deploying_two_valid_files_together_deploys_both()
    {
        await using var h = await EngineHarness.StartAsync();
        var one = Process("one", """<startEvent id="s" /><endEvent id="e" />""" + Chain("s", "e"));
        var two = Process("two", """<startEvent id="s" /><userTask id="t" />""" + Chain("s", "t"));

        var deployed = await h.Engine.DeployAsync([new BpmnResource("one.bpmn", one), new BpmnResource("two.bpmn", two)]);

        deployed.Select(d => d.Id).Should().Equal("one:1", "two:1");
        (await h.Engine.GetProcessDefinitionsAsync()).Select(d => (d.Key, d.ResourceName)).Should()
            .Equal(("one", "one.bpmn"), ("two", "two.bpmn"));
    }
}
