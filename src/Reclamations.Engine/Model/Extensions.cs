namespace Reclamations.Engine.Model;

/// <summary>A <c>camunda:executionListener</c> or <c>camunda:taskListener</c> bound to a handler by name
/// (<c>delegateExpression="${name}"</c>, <c>class</c> or <c>expression</c>).</summary>
public sealed record ListenerDefinition(string Event, string HandlerName);

/// <summary>A <c>camunda:inputParameter</c>/<c>camunda:outputParameter</c>: <c>Name</c> receives the value of
/// <c>Value</c> (a <c>${...}</c> expression or a literal text; null when empty).</summary>
public sealed record IoParameter(string Name, string? Value);

/// <summary><c>camunda:in</c>/<c>camunda:out</c> of a call activity. <c>All</c> = <c>variables="all"</c>.</summary>
public sealed record VariableMapping(string? Source, string? SourceExpression, string? Target, bool All, bool Local = false);

public sealed record FormFieldValue(string Id, string Name);

public sealed record FormField(
    string Id,
    string? Label,
    string Type, // string | long | boolean | date | enum
    string? DefaultValue,
    IReadOnlyList<FormFieldValue> Values,
    IReadOnlyDictionary<string, string?> Constraints, // required, readonly, minlength, maxlength, min, max
    IReadOnlyDictionary<string, string>? Properties = null) // camunda:properties: hints for the form's host (not validated)
{
    public bool IsRequired => Constraints.ContainsKey("required");
}

/// <summary><c>bpmn:multiInstanceLoopCharacteristics</c> with Camunda's collection attributes.</summary>
public sealed record MultiInstanceDefinition(
    bool IsSequential,
    string? Collection,        // camunda:collection: variable name or ${...}
    string? ElementVariable,   // camunda:elementVariable
    string? LoopCardinality,   // bpmn:loopCardinality expression or number
    string? CompletionCondition);
