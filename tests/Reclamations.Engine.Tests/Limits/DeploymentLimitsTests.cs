using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Engine.Api;
using Reclamations.Engine.Parsing;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Limits;

public sealed class DeploymentLimitsTests
{
    private static string Small => Process("p", """
        <startEvent id="s" />
        <userTask id="t" />
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    /// <summary>Subprocesses nested <paramref name="depth"/> deep (the parser reads one scope per level).</summary>
    private static string NestedSubprocesses(int depth)
    {
        var xml = new StringBuilder();
        for (var i = 0; i < depth; i++) xml.Append($"""<subProcess id="sub{i}"><startEvent id="s{i}" />""");
        for (var i = depth - 1; i >= 0; i--) xml.Append("</subProcess>");
        return Process("deep", """<startEvent id="s" />""" + xml + """<endEvent id="e" />""" + Chain("s", "sub0", "e"));
    }

    private static async Task<BpmnValidationError> RefusedAsync(EngineHarness h, string xml, string name = "big.bpmn")
    {
        var refused = await h.Engine.Invoking(e => e.DeployAsync([new BpmnResource(name, xml)]))
            .Should().ThrowAsync<BpmnValidationException>();
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().BeEmpty();
        return refused.Which.Errors.Should().ContainSingle().Subject;
    }

    [Fact]
    public async Task Ten_thousand_nested_subprocesses_are_refused_naming_the_nesting_limit_not_a_stack_overflow()
    {
        await using var h = await EngineHarness.StartAsync();

        var error = await RefusedAsync(h, NestedSubprocesses(10_000));

        error.Message.Should().Contain("nested deeper than the limit of 50 levels (Engine:MaxBpmnNestingDepth)").And.Contain("line");
        await h.DeployAsync(Small);
        (await h.StartAsync("p")).ActiveActivityIds.Should().Equal("t");
    }

    [Fact]
    public async Task Ten_thousand_nested_extension_elements_are_refused_too()
    {
        await using var h = await EngineHarness.StartAsync();
        var nested = string.Concat(Enumerable.Repeat("<camunda:properties>", 10_000))
                     + string.Concat(Enumerable.Repeat("</camunda:properties>", 10_000));

        var error = await RefusedAsync(h, Process("p", $"""<startEvent id="s"><extensionElements>{nested}</extensionElements></startEvent>"""));

        error.Message.Should().Contain("limit of 50 levels");
    }

    [Fact]
    public async Task A_document_over_5_MB_is_refused_naming_the_size_limit()
    {
        await using var h = await EngineHarness.StartAsync();
        var documentation = new string('x', 5 * 1024 * 1024);

        var error = await RefusedAsync(h, Process("p", $"<documentation>{documentation}</documentation>" + Small));

        error.Message.Should().Be("The document is larger than the limit of 5,242,880 bytes (Engine:MaxBpmnDocumentBytes)");
    }

    [Fact]
    public async Task The_limits_are_configurable_and_a_document_within_them_deploys()
    {
        await using var h = await EngineHarness.StartAsync(b => b.Services.Configure<EngineOptions>(o =>
        {
            o.MaxBpmnElements = 12;
            o.MaxBpmnDocumentBytes = 2_000;
        }));
        var elements = Process("many", string.Concat(Enumerable.Range(0, 10).Select(i => $"""<task id="t{i}" />""")));

        (await RefusedAsync(h, elements)).Message.Should().Contain("more than the limit of 12 elements (Engine:MaxBpmnElements)");
        (await RefusedAsync(h, Process("p", $"<documentation>{new string('é', 1_000)}</documentation>" + Small)))
            .Message.Should().Contain("limit of 2,000 bytes");
        (await h.DeployAsync(Small)).Version.Should().Be(1);
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused_because_DTDs_are_prohibited()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&c;</definitions>
            """;

        var act = () => BpmnParser.Parse(bomb);

        act.Should().Throw<BpmnValidationException>().Which.Errors.Should().ContainSingle().Which.Message.Should().Contain("DTD");
    }
}
