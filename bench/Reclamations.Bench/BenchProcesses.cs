namespace Reclamations.Bench;

internal static class BenchProcesses
{
    private const string Open = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="bench" targetNamespace="http://reclamations.bench">
        """;

    /// <summary>5 service tasks, an exclusive gateway, one user task.</summary>
    public const string Throughput = Open + """
          <process id="throughput" isExecutable="true">
            <startEvent id="s" />
            <serviceTask id="s1" camunda:type="external" camunda:topic="work" />
            <serviceTask id="s2" camunda:type="external" camunda:topic="work" />
            <serviceTask id="s3" camunda:type="external" camunda:topic="work" />
            <exclusiveGateway id="gw" default="toS5" />
            <serviceTask id="s4" camunda:type="external" camunda:topic="work" />
            <serviceTask id="s5" camunda:type="external" camunda:topic="work" />
            <userTask id="review" camunda:candidateGroups="Staff" />
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="s1" />
            <sequenceFlow id="f2" sourceRef="s1" targetRef="s2" />
            <sequenceFlow id="f3" sourceRef="s2" targetRef="s3" />
            <sequenceFlow id="f4" sourceRef="s3" targetRef="gw" />
            <sequenceFlow id="toS4" sourceRef="gw" targetRef="s4"><conditionExpression xsi:type="tFormalExpression">${ amount &gt; 1000 }</conditionExpression></sequenceFlow>
            <sequenceFlow id="toS5" sourceRef="gw" targetRef="s5" />
            <sequenceFlow id="f5" sourceRef="s4" targetRef="s5" />
            <sequenceFlow id="f6" sourceRef="s5" targetRef="review" />
            <sequenceFlow id="f7" sourceRef="review" targetRef="e" />
          </process>
        </definitions>
        """;

    public const string Timer = Open + """
          <process id="timer" isExecutable="true">
            <startEvent id="s" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P10D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
            <sequenceFlow id="f2" sourceRef="wait" targetRef="e" />
          </process>
        </definitions>
        """;

    /// <summary>One instance opens one task per element of <c>items</c> (parallel multi-instance), due on different days.</summary>
    public const string ManyTasks = Open + """
          <process id="tasks" isExecutable="true">
            <startEvent id="s" />
            <userTask id="t" camunda:candidateGroups="${ group }" camunda:dueDate="${ &quot;P&quot; + (item % 90 + 1) + &quot;D&quot; }">
              <multiInstanceLoopCharacteristics camunda:collection="items" camunda:elementVariable="item" />
            </userTask>
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="t" />
            <sequenceFlow id="f2" sourceRef="t" targetRef="e" />
          </process>
        </definitions>
        """;
}
