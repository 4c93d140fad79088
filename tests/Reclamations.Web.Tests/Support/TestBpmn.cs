namespace Reclamations.Web.Tests.Support;

internal static class TestBpmn
{
    /// <summary>Start → "Qualifier" user task (form: qualification enum, required) → 10-day timer → "Répondre" task → end;
    /// plus a message "client-reply" boundary on the answer task.</summary>
    public const string Simple = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     id="d" targetNamespace="http://reclamations.test">
          <message id="m" name="client-reply" />
          <process id="simple" name="Simple" isExecutable="true">
            <startEvent id="start" />
            <userTask id="qualify" name="Qualifier" camunda:candidateGroups="Staff">
              <extensionElements>
                <camunda:formData>
                  <camunda:formField id="qualification" label="Qualification" type="enum">
                    <camunda:value id="complaint" name="Réclamation" />
                    <camunda:value id="notComplaint" name="Pas une réclamation" />
                    <camunda:validation><camunda:constraint name="required" /></camunda:validation>
                  </camunda:formField>
                </camunda:formData>
              </extensionElements>
            </userTask>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P10D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="answer" name="Répondre" camunda:candidateGroups="Staff" />
            <boundaryEvent id="reply" attachedToRef="answer"><messageEventDefinition messageRef="m" /></boundaryEvent>
            <endEvent id="end" />
            <endEvent id="endReply" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
            <sequenceFlow id="f2" sourceRef="qualify" targetRef="wait" />
            <sequenceFlow id="f3" sourceRef="wait" targetRef="answer" />
            <sequenceFlow id="f4" sourceRef="answer" targetRef="end" />
            <sequenceFlow id="f5" sourceRef="reply" targetRef="endReply" />
          </process>
        </definitions>
        """;
}
