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
            CandidateStarterGroups = StarterList(element, "candidateStarterGroups", id, context),
            CandidateStarterUsers = StarterList(element, "candidateStarterUsers", id, context),
            HistoryTimeToLive = timeToLive,
            ReaderGroups = ReaderGroupsReader.Read(element, id, context),
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

    /// <summary>A comma list of names; expressions are refused (the starters are checked before any variable exists).</summary>
    private static string[] StarterList(XElement element, string attribute, string processId, ParseContext context)
    {
        var text = element.CamundaAttr(attribute);
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
        {
            context.Error(processId, $"Process '{processId}': camunda:{attribute} must list names, not an expression");
            return [];
        }
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
