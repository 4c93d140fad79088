using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

public sealed class StructureValidationTests
{
    private static BpmnValidationError SingleError(string content) =>
        BpmnText.ProcessErrors(content).Should().ContainSingle().Subject;

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var errors = BpmnText.ProcessErrors(BpmnText.Around("""<bpmn:task id="X" /><bpmn:task id="End" />"""));

        errors.Should().Contain(e => e.ElementId == "End" && e.Message.Contains("more than one element"));
    }

    [Fact]
    public void Sequence_flow_without_source_is_refused()
    {
        SingleError("""
            <bpmn:startEvent id="Start" /><bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
            <bpmn:sequenceFlow id="F2" targetRef="End" />
            """).Should().BeEquivalentTo(new { ElementId = "F2", Message = "Element 'F2' of type sequenceFlow has no sourceRef" });
    }

    [Fact]
    public void Sequence_flow_to_an_unknown_element_is_refused()
    {
        SingleError("""
            <bpmn:startEvent id="Start" /><bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
            <bpmn:sequenceFlow id="F2" sourceRef="Start" targetRef="Nowhere" />
            """).Message.Should().Contain("'Nowhere', which does not exist");
    }

    [Fact]
    public void Sequence_flow_crossing_into_a_subprocess_is_refused()
    {
        var error = SingleError("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Sub" />
            <bpmn:subProcess id="Sub">
              <bpmn:startEvent id="Sub_Start" />
              <bpmn:sequenceFlow id="Sub_F" sourceRef="Sub_Start" targetRef="Sub_End" />
              <bpmn:endEvent id="Sub_End" />
            </bpmn:subProcess>
            <bpmn:sequenceFlow id="F_Cross" sourceRef="Start" targetRef="Sub_End" />
            """);

        error.ElementId.Should().Be("F_Cross");
        error.Message.Should().Contain("crosses a scope boundary");
    }

    [Fact]
    public void Scope_without_none_start_event_is_refused()
    {
        BpmnText.ProcessErrors("""<bpmn:task id="T" />""")
            .Should().Contain(new BpmnValidationError("P", "Element 'P' of type process has no none start event"));
    }

    [Fact]
    public void Scope_with_two_none_start_events_is_refused()
    {
        SingleError("""
            <bpmn:startEvent id="S1" /><bpmn:startEvent id="S2" />
            """).Message.Should().Contain("more than one none start event (S1, S2)");
    }

    [Fact]
    public void Embedded_subprocess_without_start_event_is_refused()
    {
        BpmnText.ProcessErrors(BpmnText.Around("""<bpmn:subProcess id="X"><bpmn:task id="T" /></bpmn:subProcess>"""))
            .Should().Contain(new BpmnValidationError("X", "Element 'X' of type subProcess has no none start event"));
    }

    [Fact]
    public void Unreachable_activity_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """<bpmn:task id="Lost" />""")
            .Should().Be(new BpmnValidationError("Lost", "Element 'Lost' of type task has no incoming sequence flow and can never be reached"));
    }

    [Fact]
    public void Unreachable_end_event_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """<bpmn:endEvent id="Lost" />""").ElementId.Should().Be("Lost");
    }

    [Fact]
    public void Activity_without_outgoing_flow_is_an_implicit_end()
    {
        var process = BpmnText.ParseProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="T" />
            <bpmn:task id="T" />
            """);

        process.Node("T").Outgoing.Should().BeEmpty();
    }

    [Fact]
    public void Gateway_without_outgoing_flow_is_refused()
    {
        SingleError("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="G" />
            <bpmn:parallelGateway id="G" />
            """).Should().Be(new BpmnValidationError("G", "Element 'G' of type parallelGateway has no outgoing sequence flow"));
    }

    [Fact]
    public void Start_event_with_incoming_flow_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """<bpmn:sequenceFlow id="Back" sourceRef="X" targetRef="Start" />""")
            .ElementId.Should().Be("Start");
    }

    [Fact]
    public void End_event_with_outgoing_flow_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """<bpmn:sequenceFlow id="Loop" sourceRef="End" targetRef="X" />""")
            .Message.Should().Contain("'End' of type endEvent has outgoing sequence flows");
    }

    [Fact]
    public void Event_subprocess_with_flows_is_refused()
    {
        var error = SingleError(BpmnText.Around("""
            <bpmn:subProcess id="X" triggeredByEvent="true">
              <bpmn:startEvent id="ES_Start"><bpmn:messageEventDefinition messageRef="Msg_Doc" /></bpmn:startEvent>
            </bpmn:subProcess>
            """));

        error.ElementId.Should().Be("X");
        error.Message.Should().Contain("eventSubProcess has sequence flows");
    }

    [Fact]
    public void Event_subprocess_with_a_none_start_event_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """
            <bpmn:subProcess id="ES" triggeredByEvent="true"><bpmn:startEvent id="ES_Start" /></bpmn:subProcess>
            """).ElementId.Should().Be("ES_Start");
    }

    [Fact]
    public void Boundary_event_without_outgoing_flow_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """
            <bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            """).Should().Be(new BpmnValidationError("B", "Element 'B' of type boundaryEvent has no outgoing sequence flow"));
    }

    [Fact]
    public void Boundary_event_with_incoming_flow_is_refused()
    {
        var errors = BpmnText.ProcessErrors(BpmnText.Around("""<bpmn:task id="X" />""") + """
            <bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="End" />
            <bpmn:sequenceFlow id="F_Into" sourceRef="Start" targetRef="B" />
            """);

        errors.Should().ContainSingle().Which.Message.Should().Contain("'B' of type boundaryEvent has incoming sequence flows");
    }

    [Fact]
    public void Boundary_event_attached_to_a_gateway_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:exclusiveGateway id="X" />""") + """
            <bpmn:boundaryEvent id="B" attachedToRef="X"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="End" />
            """).Message.Should().Contain("can only be attached to an activity");
    }

    [Fact]
    public void Boundary_event_attached_to_a_missing_activity_is_refused()
    {
        SingleError(BpmnText.Around("""<bpmn:task id="X" />""") + """
            <bpmn:boundaryEvent id="B" attachedToRef="Ghost"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
            """).Should().BeEquivalentTo(new { ElementId = "B" });
    }

    [Fact]
    public void Event_based_gateway_must_lead_to_catch_events_or_receive_tasks()
    {
        var error = SingleError("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:eventBasedGateway id="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="C" />
            <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="T" />
            <bpmn:intermediateCatchEvent id="C"><bpmn:messageEventDefinition messageRef="Msg_Doc" /></bpmn:intermediateCatchEvent>
            <bpmn:task id="T" />
            """);

        error.ElementId.Should().Be("G");
        error.Message.Should().Contain("task 'T'");
    }

    [Theory]
    [InlineData("exclusiveGateway")]
    [InlineData("inclusiveGateway")]
    public void Conditional_gateway_flow_without_condition_that_is_not_default_is_refused(string gateway)
    {
        var error = SingleError($"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:{gateway} id="G" default="F_Default" />
            <bpmn:sequenceFlow id="F_Cond" sourceRef="G" targetRef="E">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{"${ok}"}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="F_Default" sourceRef="G" targetRef="E" />
            <bpmn:sequenceFlow id="F_Bare" sourceRef="G" targetRef="E" />
            <bpmn:endEvent id="E" />
            """);

        error.ElementId.Should().Be("G");
        error.Message.Should().Contain("'F_Bare' without a condition");
    }

    [Fact]
    public void Single_unconditional_flow_out_of_an_exclusive_gateway_is_fine()
    {
        BpmnText.ParseNode("""<bpmn:exclusiveGateway id="X" />""").Outgoing.Should().ContainSingle();
    }

    [Fact]
    public void Default_flow_that_is_not_outgoing_is_refused()
    {
        var error = SingleError(BpmnText.Around("""<bpmn:exclusiveGateway id="X" default="Flow_In" />"""));

        error.Should().Be(new BpmnValidationError("X",
            "Element 'X' of type exclusiveGateway has default flow 'Flow_In', which is not one of its outgoing sequence flows"));
    }

    [Fact]
    public void Activity_default_flow_is_read()
    {
        var process = BpmnText.ParseProcess(BpmnText.Around("""<bpmn:task id="X" default="Flow_Out" />""") + """
            <bpmn:sequenceFlow id="F_Cond" sourceRef="X" targetRef="End">
              <bpmn:conditionExpression>${late}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """);

        ((Reclamations.Engine.Model.Activity)process.Node("X")).DefaultFlow!.Id.Should().Be("Flow_Out");
    }

    [Fact]
    public void Parallel_gateway_flow_with_condition_is_refused()
    {
        SingleError("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
            <bpmn:parallelGateway id="G" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E">
              <bpmn:conditionExpression>${ok}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="E" />
            """).Message.Should().Contain("'G' of type parallelGateway has outgoing flow 'F2' with a condition");
    }

    [Theory]
    [InlineData("""<bpmn:conditionExpression language="javascript">${ok}</bpmn:conditionExpression>""", "language 'javascript'")]
    [InlineData("""<bpmn:conditionExpression language="groovy">ok == true</bpmn:conditionExpression>""", "language 'groovy'")]
    [InlineData("""<bpmn:conditionExpression>ok</bpmn:conditionExpression>""", "must be a ${...} expression")]
    [InlineData("""<bpmn:conditionExpression camunda:resource="cond.js" />""", "camunda:resource")]
    public void Unsupported_condition_is_refused(string condition, string expected)
    {
        var error = SingleError($"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="E">{condition}</bpmn:sequenceFlow>
            <bpmn:endEvent id="E" />
            """);

        error.ElementId.Should().Be("F1");
        error.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("juel")]
    [InlineData("scriban")]
    [InlineData("JUEL")]
    public void Expression_languages_are_accepted(string language)
    {
        var process = BpmnText.ParseProcess($"""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="E">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="{language}"><![CDATA[{"${a < b}"}]]></bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="E" />
            """);

        process.FlowsById["F1"].Condition.Should().Be("${a < b}");
    }
}
