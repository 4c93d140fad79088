using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads tasks, subprocesses (without their content) and call activities. Returns null when the
/// activity is refused (errors recorded).</summary>
internal sealed class ActivityReader(ParseContext context)
{
    public Activity? Read(XElement element, NodeBasics node)
    {
        if (element.BpmnChild("standardLoopCharacteristics") is not null)
        {
            context.Unsupported(node.Id, node.Type, "with standardLoopCharacteristics");
            return null;
        }

        var multiInstance = MultiInstanceReader.Read(element, node, context);
        Activity? activity = node.Type switch
        {
            "task" => new PlainTask
            {
                Id = node.Id,
                Name = node.Name,
                AsyncBefore = node.AsyncBefore,
                AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
                MultiInstance = multiInstance,
            },
            "manualTask" => new ManualTask
            {
                Id = node.Id,
                Name = node.Name,
                AsyncBefore = node.AsyncBefore,
                AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
                MultiInstance = multiInstance,
            },
            "serviceTask" or "sendTask" => ReadServiceTask(element, node, multiInstance),
            "receiveTask" => ReadReceiveTask(element, node, multiInstance),
            "userTask" => ReadUserTask(element, node, multiInstance),
            "subProcess" => ReadSubProcess(element, node, multiInstance),
            "callActivity" => ReadCallActivity(element, node, multiInstance),
            _ => null,
        };
        if (activity is not null)
        {
            CamundaExtensionReader.ReadInputOutput(element, node.Id, activity.Inputs, activity.Outputs, context);
        }

        return activity;
    }

    private ServiceTask? ReadServiceTask(XElement element, NodeBasics node, MultiInstanceDefinition? multiInstance)
    {
        var topic = HandlerNames.FromImplementation(element, node.Id, node.Type, context);
        return topic is null
            ? null
            : new ServiceTask
            {
                Id = node.Id,
                Name = node.Name,
                AsyncBefore = node.AsyncBefore,
                AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
                MultiInstance = multiInstance,
                Kind = node.Type,
                Topic = topic,
            };
    }

    private ReceiveTask? ReadReceiveTask(XElement element, NodeBasics node, MultiInstanceDefinition? multiInstance)
    {
        var messageRef = element.RefAttr("messageRef");
        if (messageRef is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type receiveTask has no messageRef");
            return null;
        }

        var messageName = context.ResolveMessageName(node.Id, messageRef);
        return messageName is null
            ? null
            : new ReceiveTask
            {
                Id = node.Id,
                Name = node.Name,
                AsyncBefore = node.AsyncBefore,
                AsyncAfter = node.AsyncAfter,
                FailedJobRetryTimeCycle = node.RetryCycle,
                MultiInstance = multiInstance,
                MessageName = messageName,
            };
    }

    private UserTask ReadUserTask(XElement element, NodeBasics node, MultiInstanceDefinition? multiInstance)
    {
        var task = new UserTask
        {
            Id = node.Id,
            Name = node.Name,
            AsyncBefore = node.AsyncBefore,
            AsyncAfter = node.AsyncAfter,
            FailedJobRetryTimeCycle = node.RetryCycle,
            MultiInstance = multiInstance,
            Assignee = element.CamundaAttr("assignee"),
            CandidateUsers = element.CamundaAttr("candidateUsers"),
            CandidateGroups = element.CamundaAttr("candidateGroups"),
            DueDate = element.CamundaAttr("dueDate"),
            FollowUpDate = element.CamundaAttr("followUpDate"),
            Priority = element.CamundaAttr("priority"),
            FormKey = element.CamundaAttr("formKey"),
        };
        FormDataReader.Read(element, node.Id, task.FormFields, context);
        CamundaExtensionReader.ReadTaskListeners(element, node.Id, task.TaskListeners, context);
        CamundaExtensionReader.ReadProperties(element, node.Id, task.Properties, context);
        return task;
    }

    private SubProcess ReadSubProcess(XElement element, NodeBasics node, MultiInstanceDefinition? multiInstance)
    {
        var triggeredByEvent = element.BoolAttr("triggeredByEvent");
        if (triggeredByEvent && multiInstance is not null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type eventSubProcess cannot be multi-instance");
        }

        return new SubProcess
        {
            Id = node.Id,
            Name = node.Name,
            AsyncBefore = node.AsyncBefore,
            AsyncAfter = node.AsyncAfter,
            FailedJobRetryTimeCycle = node.RetryCycle,
            MultiInstance = triggeredByEvent ? null : multiInstance,
            TriggeredByEvent = triggeredByEvent,
        };
    }

    private CallActivity? ReadCallActivity(XElement element, NodeBasics node, MultiInstanceDefinition? multiInstance)
    {
        var calledElement = element.Attr("calledElement");
        var valid = true;
        if (calledElement is null)
        {
            context.Error(node.Id, $"Element '{node.Id}' of type callActivity has no calledElement");
            valid = false;
        }

        if (element.CamundaAttr("calledElementBinding") is { } binding && binding != "latest")
        {
            context.Error(node.Id, $"Element '{node.Id}' of type callActivity has camunda:calledElementBinding=\"{binding}\"; "
                + "only \"latest\" is supported");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        var mappings = CamundaExtensionReader.ReadVariableMappings(element, node.Id, context);
        var call = new CallActivity
        {
            Id = node.Id,
            Name = node.Name,
            AsyncBefore = node.AsyncBefore,
            AsyncAfter = node.AsyncAfter,
            FailedJobRetryTimeCycle = node.RetryCycle,
            MultiInstance = multiInstance,
            CalledElement = calledElement!,
            BusinessKeyExpression = element.CamundaAttr("businessKey") ?? mappings.BusinessKey,
        };
        call.InMappings.AddRange(mappings.In);
        call.OutMappings.AddRange(mappings.Out);
        return call;
    }
}
