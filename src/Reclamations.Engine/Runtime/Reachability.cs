using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Runtime;

/// <summary>Whether a token at one node can still arrive at another (inclusive join semantics), cached per model.</summary>
internal sealed class Reachability
{
    private readonly ConditionalWeakTable<ProcessModel, ConcurrentDictionary<(string, string), bool>> _cache = new();

    public bool CanReach(ProcessModel model, FlowNode from, FlowNode to)
    {
        var cache = _cache.GetOrCreateValue(model);
        return cache.GetOrAdd((from.Id, to.Id), _ => Search(from, to));
    }

    private static bool Search(FlowNode from, FlowNode to)
    {
        var seen = new HashSet<FlowNode>();
        var stack = new Stack<FlowNode>();
        stack.Push(from);
        while (stack.TryPop(out var node))
        {
            if (!seen.Add(node)) continue;
            foreach (var flow in node.Outgoing)
            {
                if (flow.Target == to) return true;
                stack.Push(flow.Target);
            }
            if (node is Activity activity)
                foreach (var boundary in activity.BoundaryEvents) stack.Push(boundary);
        }
        return false;
    }
}
