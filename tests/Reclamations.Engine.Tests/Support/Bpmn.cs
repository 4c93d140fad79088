namespace Reclamations.Engine.Tests.Support;

/// <summary>Writes small BPMN files for runtime tests: elements in the default BPMN namespace, camunda prefix bound.</summary>
internal static class Bpmn
{
    public const string Definitions = """
        <message id="Msg_Go" name="go" />
        <message id="Msg_Reply" name="client-reply" />
        <message id="Msg_Press" name="press" />
        <error id="Err_Fail" errorCode="FAIL" />
        <escalation id="Esc_Late" escalationCode="LATE" />
        """;

    /// <summary>A file holding executable process <paramref name="id"/> with <paramref name="content"/>.</summary>
    public static string Process(string id, string content, string extraProcesses = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     id="Defs_{id}" targetNamespace="http://reclamations.test">
          {Definitions}
          <process id="{id}" isExecutable="true">
            {content}
          </process>
          {extraProcesses}
        </definitions>
        """;

    /// <summary>Sequence flows along a chain of ids: Flows("a", "b", "c") = a→b, b→c.</summary>
    public static string Chain(params string[] ids) =>
        string.Concat(ids.Zip(ids.Skip(1), (a, b) => Flow(a, b)));

    public static string Flow(string from, string to, string? condition = null, string? id = null)
    {
        id ??= $"f_{from}_{to}";
        return condition is null
            ? $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}" />"""
            : $"""<sequenceFlow id="{id}" sourceRef="{from}" targetRef="{to}"><conditionExpression xsi:type="tFormalExpression">{Escape(condition)}</conditionExpression></sequenceFlow>""";
    }

    public static string UserTask(string id, string attributes = "") => $"""<userTask id="{id}" name="{id}" {attributes} />""";

    /// <summary><c>camunda:formData</c> with fields (id, type: string, long, boolean, date, enum without values excepted).</summary>
    public static string Form(params (string Id, string Type)[] fields) =>
        "<camunda:formData>" + string.Concat(fields.Select(f => $"""<camunda:formField id="{f.Id}" type="{f.Type}" />""")) + "</camunda:formData>";

    /// <summary>A user task whose form has <paramref name="fields"/> (completing it may set those variables, and no other).</summary>
    public static string FormTask(string id, string attributes, params (string Id, string Type)[] fields) =>
        $"""<userTask id="{id}" name="{id}" {attributes}><extensionElements>{Form(fields)}</extensionElements></userTask>""";

    public static string Service(string id, string topic, string attributes = "", string extension = "") =>
        $"""<serviceTask id="{id}" camunda:type="external" camunda:topic="{topic}" {attributes}>{extension}</serviceTask>""";

    public static string Timer(string kind, string value) => $"<timerEventDefinition><{kind}>{Escape(value)}</{kind}></timerEventDefinition>";

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
