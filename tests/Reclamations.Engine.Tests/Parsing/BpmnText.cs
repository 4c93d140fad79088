using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

/// <summary>Builds small inline BPMN files and parses them.</summary>
internal static class BpmnText
{
    private const string Open = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
        """;

    /// <summary>Top-level definitions that the inline processes refer to.</summary>
    public const string SharedDefinitions = """
        <bpmn:message id="Msg_Doc" name="DocumentReceived" />
        <bpmn:message id="Msg_NoName" />
        <bpmn:error id="Err_Invalid" errorCode="INVALID" />
        <bpmn:error id="Err_NoCode" />
        <bpmn:escalation id="Esc_Late" escalationCode="LATE" />
        """;

    public static string Definitions(string content) => $"{Open}\n{content}\n</bpmn:definitions>";

    /// <summary>An executable process <c>P</c> with the given content, plus <see cref="SharedDefinitions"/>.</summary>
    public static string Process(string content) =>
        Definitions($"""
            {SharedDefinitions}
            <bpmn:process id="P" isExecutable="true">
            {content}
            </bpmn:process>
            """);

    /// <summary>Start → <paramref name="nodeXml"/> (id <paramref name="id"/>) → End.</summary>
    public static string Around(string nodeXml, string id = "X") => $"""
        <bpmn:startEvent id="Start" />
        <bpmn:sequenceFlow id="Flow_In" sourceRef="Start" targetRef="{id}" />
        {nodeXml}
        <bpmn:sequenceFlow id="Flow_Out" sourceRef="{id}" targetRef="End" />
        <bpmn:endEvent id="End" />
        """;

    public static ProcessModel ParseProcess(string content) => BpmnParser.Parse(Process(content)).Single();

    /// <summary>The node <paramref name="id"/> of the process Start → node → End.</summary>
    public static FlowNode ParseNode(string nodeXml, string id = "X") => ParseProcess(Around(nodeXml, id)).Node(id);

    public static IReadOnlyList<BpmnValidationError> Errors(string xml)
    {
        var parse = () => BpmnParser.Parse(xml);
        return parse.Should().Throw<BpmnValidationException>().Which.Errors;
    }

    public static IReadOnlyList<BpmnValidationError> ProcessErrors(string content) => Errors(Process(content));

    public static IReadOnlyList<BpmnValidationError> NodeErrors(string nodeXml, string id = "X") => ProcessErrors(Around(nodeXml, id));

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parsing", "Fixtures", name));
}
