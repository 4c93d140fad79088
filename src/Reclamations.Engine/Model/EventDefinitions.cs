namespace Reclamations.Engine.Model;

public abstract record EventDefinition;

public enum TimerKind { Date, Duration, Cycle }

/// <summary><c>timeDate</c>, <c>timeDuration</c> or <c>timeCycle</c>; the value may be a <c>${ ... }</c> expression.</summary>
public sealed record TimerEventDefinition(TimerKind Kind, string Value) : EventDefinition;

/// <summary>Message by its name (the <c>bpmn:message</c> name, else its id). <c>Topic</c>: handler for a throwing message event.</summary>
public sealed record MessageEventDefinition(string MessageName, string? Topic = null) : EventDefinition;

/// <summary>Error by its <c>errorCode</c>; a catching definition with a null code catches every error.</summary>
public sealed record ErrorEventDefinition(string? ErrorCode) : EventDefinition;

/// <summary>Escalation by its <c>escalationCode</c>; a catching definition with a null code catches every escalation.</summary>
public sealed record EscalationEventDefinition(string? EscalationCode) : EventDefinition;

public sealed record TerminateEventDefinition : EventDefinition;
