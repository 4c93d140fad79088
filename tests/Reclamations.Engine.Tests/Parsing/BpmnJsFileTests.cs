using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

/// <summary>Fixtures/bpmn-js-diagram.bpmn is saved as Camunda Modeler writes it: collaboration, lanes,
/// incoming/outgoing refs, data objects, annotations and the diagram section.</summary>
public sealed class BpmnJsFileTests
{
    [Fact]
    public void Modeler_file_parses_and_diagram_content_is_ignored()
    {
        var process = BpmnParser.Parse(BpmnText.Fixture("bpmn-js-diagram.bpmn")).Should().ContainSingle().Subject;

        process.Id.Should().Be("Process_Ack");
        process.VersionTag.Should().Be("3");
        process.FlowNodes.Select(n => n.Id).Should().Equal("StartEvent_1", "Activity_Ack", "Event_Done");
        process.FlowsById.Keys.Should().Equal("Flow_0a", "Flow_0b");
        process.Node("Activity_Ack").Should().BeOfType<UserTask>().Which.CandidateGroups.Should().Be("handlers");
        process.Node("Event_Done").Incoming.Should().ContainSingle().Which.Source.Id.Should().Be("Activity_Ack");
    }
}
