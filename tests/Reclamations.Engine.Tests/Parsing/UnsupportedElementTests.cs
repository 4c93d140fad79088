using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

public sealed class UnsupportedElementTests
{
    [Theory]
    [InlineData("""<bpmn:complexGateway id="X" />""", "complexGateway")]
    [InlineData("""<bpmn:transaction id="X" />""", "transaction")]
    [InlineData("""<bpmn:adHocSubProcess id="X" />""", "adHocSubProcess")]
    [InlineData("""<bpmn:businessRuleTask id="X" camunda:decisionRef="d" />""", "businessRuleTask")]
    [InlineData("""<bpmn:scriptTask id="X" scriptFormat="groovy"><bpmn:script>x</bpmn:script></bpmn:scriptTask>""", "scriptTask")]
    [InlineData("""<bpmn:userTask id="X"><bpmn:standardLoopCharacteristics /></bpmn:userTask>""", "userTask with standardLoopCharacteristics")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent with signalEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent with linkEventDefinition")]
    [InlineData("""<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent with conditionalEventDefinition")]
    [InlineData("""<bpmn:intermediateThrowEvent id="X"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent with compensateEventDefinition")]
    [InlineData("""<bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent with signalEventDefinition")]
    [InlineData("""<bpmn:intermediateThrowEvent id="X"><bpmn:linkEventDefinition name="l" /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent with linkEventDefinition")]
    [InlineData("""<bpmn:intermediateThrowEvent id="X"><bpmn:timerEventDefinition /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent with timerEventDefinition")]
    [InlineData("""<bpmn:task id="X"><bpmn:ioSpecification /></bpmn:task>""", "task contains ioSpecification")]
    public void Unsupported_node_between_start_and_end_is_refused_with_id_and_type(string nodeXml, string type)
    {
        var errors = BpmnText.NodeErrors(nodeXml);

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ElementId = "X" });
        errors[0].Message.Should().Contain("'X'").And.Contain($"type {type}");
    }

    [Fact]
    public void Complex_gateway_message_matches_the_documented_form()
    {
        var errors = BpmnText.NodeErrors("""<bpmn:complexGateway id="Gateway_1" />""", "Gateway_1");

        errors.Should().ContainSingle().Which.Message.Should().Be("Element 'Gateway_1' of type complexGateway is not supported");
    }

    [Theory]
    [InlineData("signalEventDefinition")]
    [InlineData("conditionalEventDefinition")]
    [InlineData("compensateEventDefinition")]
    [InlineData("cancelEventDefinition")]
    public void Boundary_event_of_unsupported_kind_is_refused(string definition)
    {
        var errors = BpmnText.ProcessErrors(BpmnText.Around("""<bpmn:task id="X" />""") + $"""
            <bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:{definition} /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="End" />
            """);

        errors.Should().ContainSingle().Which.Message.Should().Be($"Element 'B' of type boundaryEvent with {definition} is not supported");
    }

    [Theory]
    [InlineData("signalEventDefinition")]
    [InlineData("conditionalEventDefinition")]
    [InlineData("escalationEventDefinition")]
    [InlineData("errorEventDefinition")]
    public void Start_event_of_unsupported_kind_is_refused(string definition)
    {
        var errors = BpmnText.ProcessErrors($"""
            <bpmn:startEvent id="Start" />
            <bpmn:startEvent id="S2"><bpmn:{definition} /></bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
            <bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="End" />
            <bpmn:endEvent id="End" />
            """);

        errors.Should().ContainSingle().Which.Should().Be(
            new BpmnValidationError("S2", $"Element 'S2' of type startEvent with {definition} is not supported"));
    }

    [Theory]
    [InlineData("signalEventDefinition")]
    [InlineData("compensateEventDefinition")]
    [InlineData("cancelEventDefinition")]
    [InlineData("escalationEventDefinition escalationRef=\"Esc_Late\"")]
    public void End_event_of_unsupported_kind_is_refused(string definition)
    {
        var errors = BpmnText.ProcessErrors($"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="E" />
            <bpmn:endEvent id="E"><bpmn:{definition} /></bpmn:endEvent>
            """);

        errors.Should().ContainSingle().Which.ElementId.Should().Be("E");
        errors[0].Message.Should().StartWith("Element 'E' of type endEvent with ").And.EndWith("is not supported");
    }

    [Fact]
    public void Event_with_two_definitions_is_refused()
    {
        var errors = BpmnText.NodeErrors("""
            <bpmn:intermediateCatchEvent id="X">
              <bpmn:messageEventDefinition messageRef="Msg_Doc" />
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            """);

        errors.Should().ContainSingle().Which.Message.Should().Contain("more than one event definition");
    }

    [Fact]
    public void File_with_only_non_executable_processes_is_refused()
    {
        var xml = BpmnText.Definitions("""
            <bpmn:process id="P" isExecutable="false"><bpmn:startEvent id="S" /></bpmn:process>
            """);

        BpmnText.Errors(xml).Should().ContainSingle().Which.Should().BeEquivalentTo(new { ElementId = (string?)null });
    }

    [Fact]
    public void Non_executable_process_next_to_an_executable_one_is_skipped()
    {
        var xml = BpmnText.Definitions("""
            <bpmn:process id="Other" isExecutable="false"><bpmn:complexGateway id="G" /></bpmn:process>
            <bpmn:process id="P" isExecutable="true">
              <bpmn:startEvent id="S" /><bpmn:sequenceFlow id="F" sourceRef="S" targetRef="E" /><bpmn:endEvent id="E" />
            </bpmn:process>
            """);

        BpmnParser.Parse(xml).Select(p => p.Id).Should().Equal("P");
    }

    [Fact]
    public void Every_executable_process_is_returned()
    {
        var xml = BpmnText.Definitions("""
            <bpmn:process id="A" isExecutable="true">
              <bpmn:startEvent id="A_S" /><bpmn:sequenceFlow id="A_F" sourceRef="A_S" targetRef="A_E" /><bpmn:endEvent id="A_E" />
            </bpmn:process>
            <bpmn:process id="B" isExecutable="true">
              <bpmn:startEvent id="B_S" /><bpmn:sequenceFlow id="B_F" sourceRef="B_S" targetRef="B_E" /><bpmn:endEvent id="B_E" />
            </bpmn:process>
            """);

        BpmnParser.Parse(xml).Select(p => p.Id).Should().Equal("A", "B");
    }

    [Fact]
    public void Neighbours_of_a_refused_element_are_not_blamed_for_missing_flows()
    {
        var errors = BpmnText.ProcessErrors("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:complexGateway id="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="T" />
            <bpmn:task id="T" />
            """);

        errors.Should().ContainSingle().Which.ElementId.Should().Be("G");
    }

    [Fact]
    public void All_errors_are_reported_together()
    {
        var errors = BpmnText.ProcessErrors("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="A" />
            <bpmn:scriptTask id="A" />
            <bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="B" />
            <bpmn:businessRuleTask id="B" />
            <bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="C" />
            <bpmn:serviceTask id="C" />
            """);

        errors.Select(e => e.ElementId).Should().Equal("A", "B", "C");
    }

    [Fact]
    public void Descriptive_elements_are_ignored()
    {
        var process = BpmnText.ParseProcess(BpmnText.Around("""<bpmn:task id="X" />""") + """
            <bpmn:documentation>About</bpmn:documentation>
            <bpmn:laneSet id="Lanes"><bpmn:lane id="Lane_1"><bpmn:flowNodeRef>X</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
            <bpmn:textAnnotation id="Note"><bpmn:text>note</bpmn:text></bpmn:textAnnotation>
            <bpmn:association id="Assoc" sourceRef="X" targetRef="Note" />
            <bpmn:dataObjectReference id="DataRef" dataObjectRef="Data" />
            <bpmn:dataObject id="Data" />
            <bpmn:dataStoreReference id="Store" />
            <bpmn:group id="Group" categoryValueRef="Cat_V" />
            """);

        process.FlowNodes.Select(n => n.Id).Should().Equal("Start", "X", "End");
    }
}
