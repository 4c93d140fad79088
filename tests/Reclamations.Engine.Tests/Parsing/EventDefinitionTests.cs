using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

public sealed class EventDefinitionTests
{
    private static EventDefinition? DefinitionOf(string nodeXml) => ((EventNode)BpmnText.ParseNode(nodeXml)).EventDefinition;

    private static string Catch(string definition) =>
        $"<bpmn:intermediateCatchEvent id=\"X\">{definition}</bpmn:intermediateCatchEvent>";

    private static string Boundary(string definition, string attributes = "") => BpmnText.Around("""<bpmn:task id="X" />""") + $"""
        <bpmn:boundaryEvent id="B" attachedToRef="X" {attributes}>{definition}</bpmn:boundaryEvent>
        <bpmn:sequenceFlow id="F_B" sourceRef="B" targetRef="End" />
        """;

    [Theory]
    [InlineData("Msg_Doc", "DocumentReceived")]
    [InlineData("Msg_NoName", "Msg_NoName")]
    public void Message_name_is_the_message_name_else_its_id(string messageRef, string expected)
    {
        DefinitionOf(Catch($"<bpmn:messageEventDefinition messageRef=\"{messageRef}\" />"))
            .Should().Be(new MessageEventDefinition(expected));
    }

    [Fact]
    public void Unresolved_message_ref_is_refused()
    {
        BpmnText.NodeErrors(Catch("""<bpmn:messageEventDefinition messageRef="Msg_Ghost" />"""))
            .Should().ContainSingle().Which.Should().Be(
                new BpmnValidationError("X", "Element 'X' refers to message 'Msg_Ghost', which is not defined"));
    }

    [Fact]
    public void Message_catch_without_message_ref_is_refused()
    {
        BpmnText.NodeErrors(Catch("<bpmn:messageEventDefinition />"))
            .Should().ContainSingle().Which.Message.Should().Contain("has no messageRef");
    }

    [Fact]
    public void Receive_task_needs_a_resolvable_message()
    {
        BpmnText.NodeErrors("""<bpmn:receiveTask id="X" />""").Should().ContainSingle().Which.ElementId.Should().Be("X");
        BpmnText.NodeErrors("""<bpmn:receiveTask id="X" messageRef="Nope" />""").Should().ContainSingle()
            .Which.Message.Should().Contain("'Nope'");
    }

    [Fact]
    public void Intermediate_catch_event_without_definition_is_refused()
    {
        BpmnText.NodeErrors("""<bpmn:intermediateCatchEvent id="X" />""").Should().ContainSingle().Which.ElementId.Should().Be("X");
    }

    [Theory]
    [InlineData("timeDate", TimerKind.Date, "2030-01-01T10:00:00Z")]
    [InlineData("timeDuration", TimerKind.Duration, "${reminderDelay}")]
    [InlineData("timeCycle", TimerKind.Cycle, "R3/PT10H")]
    public void Timer_kinds_are_read(string element, TimerKind kind, string value)
    {
        DefinitionOf(Catch($"<bpmn:timerEventDefinition><bpmn:{element}>{value}</bpmn:{element}></bpmn:timerEventDefinition>"))
            .Should().Be(new TimerEventDefinition(kind, value));
    }

    [Theory]
    [InlineData("<bpmn:timerEventDefinition />")]
    [InlineData("<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\" /></bpmn:timerEventDefinition>")]
    [InlineData("<bpmn:timerEventDefinition><bpmn:timeDate>2030-01-01</bpmn:timeDate><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>")]
    public void Timer_needs_exactly_one_value(string definition)
    {
        BpmnText.NodeErrors(Catch(definition)).Should().ContainSingle().Which.Should().Match<BpmnValidationError>(
            e => e.ElementId == "X" && e.Message.Contains("exactly one of timeDate, timeDuration or timeCycle"));
    }

    [Fact]
    public void Throwing_message_needs_an_implementation()
    {
        BpmnText.NodeErrors("""
            <bpmn:intermediateThrowEvent id="X"><bpmn:messageEventDefinition messageRef="Msg_Doc" /></bpmn:intermediateThrowEvent>
            """).Should().ContainSingle().Which.Message.Should().Contain("has no implementation");
    }

    [Fact]
    public void Throwing_message_with_delegate_expression_binds_to_the_handler()
    {
        DefinitionOf("""
            <bpmn:intermediateThrowEvent id="X">
              <bpmn:messageEventDefinition messageRef="Msg_Doc" camunda:delegateExpression="${notifier}" />
            </bpmn:intermediateThrowEvent>
            """).Should().Be(new MessageEventDefinition("DocumentReceived", "notifier"));
    }

    [Fact]
    public void Throwing_escalation_needs_a_ref_with_a_code()
    {
        BpmnText.NodeErrors("""
            <bpmn:intermediateThrowEvent id="X"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>
            """).Should().ContainSingle().Which.Message.Should().Contain("has no escalationRef");
    }

    [Fact]
    public void Error_end_event_needs_an_error_with_a_code()
    {
        var errors = BpmnText.ProcessErrors("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="E1" />
            <bpmn:sequenceFlow id="F2" sourceRef="Start" targetRef="E2" />
            <bpmn:endEvent id="E1"><bpmn:errorEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="E2"><bpmn:errorEventDefinition errorRef="Err_NoCode" /></bpmn:endEvent>
            """);

        errors.Select(e => e.ElementId).Should().Equal("E1", "E2");
        errors[1].Message.Should().Contain("which has no errorCode");
    }

    [Theory]
    [InlineData("<bpmn:errorEventDefinition />", null)]
    [InlineData("<bpmn:errorEventDefinition errorRef=\"Err_NoCode\" />", null)]
    [InlineData("<bpmn:errorEventDefinition errorRef=\"Err_Invalid\" />", "INVALID")]
    public void Error_boundary_without_code_catches_all(string definition, string? code)
    {
        ((EventNode)BpmnText.ParseProcess(Boundary(definition)).Node("B")).EventDefinition
            .Should().Be(new ErrorEventDefinition(code));
    }

    [Theory]
    [InlineData("<bpmn:escalationEventDefinition />", null)]
    [InlineData("<bpmn:escalationEventDefinition escalationRef=\"Esc_Late\" />", "LATE")]
    public void Escalation_boundary_catches_by_code(string definition, string? code)
    {
        ((EventNode)BpmnText.ParseProcess(Boundary(definition, "cancelActivity=\"false\"")).Node("B")).EventDefinition
            .Should().Be(new EscalationEventDefinition(code));
    }

    [Fact]
    public void Unresolved_error_ref_is_refused()
    {
        BpmnText.ProcessErrors(Boundary("<bpmn:errorEventDefinition errorRef=\"Err_Ghost\" />"))
            .Should().ContainSingle().Which.Should().Be(
                new BpmnValidationError("B", "Element 'B' refers to error 'Err_Ghost', which is not defined"));
    }

    [Fact]
    public void Non_interrupting_error_boundary_is_refused()
    {
        BpmnText.ProcessErrors(Boundary("<bpmn:errorEventDefinition />", "cancelActivity=\"false\""))
            .Should().ContainSingle().Which.Message.Should().Contain("always interrupting");
    }

    [Fact]
    public void Boundary_without_definition_is_refused()
    {
        BpmnText.ProcessErrors(Boundary("")).Should().ContainSingle().Which.ElementId.Should().Be("B");
    }

    [Fact]
    public void Message_start_inside_an_embedded_subprocess_is_refused()
    {
        var errors = BpmnText.NodeErrors("""
            <bpmn:subProcess id="X">
              <bpmn:startEvent id="Sub_Start" />
              <bpmn:startEvent id="Sub_Msg"><bpmn:messageEventDefinition messageRef="Msg_Doc" /></bpmn:startEvent>
            </bpmn:subProcess>
            """);

        errors.Should().ContainSingle().Which.Message.Should().Be(
            "Element 'Sub_Msg' of type startEvent with messageEventDefinition in an embedded subprocess is not supported");
    }

    [Fact]
    public void Error_start_of_an_event_subprocess_is_accepted()
    {
        var process = BpmnText.ParseProcess(BpmnText.Around("""<bpmn:task id="X" />""") + """
            <bpmn:subProcess id="ES" triggeredByEvent="true">
              <bpmn:startEvent id="ES_Start"><bpmn:errorEventDefinition errorRef="Err_Invalid" /></bpmn:startEvent>
              <bpmn:sequenceFlow id="ES_F" sourceRef="ES_Start" targetRef="ES_End" />
              <bpmn:endEvent id="ES_End" />
            </bpmn:subProcess>
            """);

        var start = (StartEvent)process.Node("ES_Start");
        start.EventDefinition.Should().Be(new ErrorEventDefinition("INVALID"));
        start.IsInterrupting.Should().BeTrue();
        process.EventSubProcesses.Should().ContainSingle().Which.Id.Should().Be("ES");
    }

    [Fact]
    public void Timer_start_of_a_process_next_to_the_none_start()
    {
        var process = BpmnText.ParseProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:startEvent id="Nightly"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
            <bpmn:sequenceFlow id="F2" sourceRef="Nightly" targetRef="End" />
            <bpmn:endEvent id="End" />
            """);

        process.StartEvents.Select(s => s.Id).Should().Equal("Start", "Nightly");
        process.NoneStartEvent!.Id.Should().Be("Start");
    }
}
