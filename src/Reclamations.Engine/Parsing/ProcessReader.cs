using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads one executable <c>bpmn:process</c> into a validated <see cref="ProcessModel"/>.</summary>
internal static class ProcessReader
{
    public static ProcessModel Read(XElement element, ParseContext context)
    {
        var id = element.Attr("id");
        if (id is null)
        {
            context.Error(null, "An executable process has no id");
            id = "";
        }

        TimeSpan? timeToLive = null;
        if (element.CamundaAttr("historyTimeToLive") is { Length: > 0 } ttlText)
        {
            timeToLive = HistoryTimeToLiveReader.TryParse(ttlText, out var ttlError);
            if (ttlError is not null) context.Error(id, $"Process '{id}', camunda:historyTimeToLive: {ttlError}");
        }

        var process = new ProcessModel
        {
            Id = id,
            Name = element.Attr("name"),
            VersionTag = element.CamundaAttr("versionTag"),
            HistoryTimeToLive = timeToLive,
        };
        CamundaExtensionReader.ReadExecutionListeners(
            element, id, CamundaExtensionReader.ExecutionEvents, process.ExecutionListeners, context);

        var processIds = element.Descendants()
            .Where(d => d.Name.Namespace == BpmnNames.Bpmn)
            .Select(d => d.Attr("id"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        new ScopeReader(context, processIds).Read(element, process);
        Index(process, process);
        BpmnValidator.Validate(process, context);
        return process;
    }

    /// <summary>Fills the process-wide lookups with the nodes and flows of every nesting level.</summary>
    private static void Index(ProcessModel process, ScopeModel scope)
    {
        foreach (var node in scope.FlowNodes)
        {
            process.NodesById.TryAdd(node.Id, node);
            if (node is SubProcess subProcess)
            {
                Index(process, subProcess);
            }
        }

        foreach (var flow in scope.SequenceFlows)
        {
            process.FlowsById.TryAdd(flow.Id, flow);
        }
    }
}
