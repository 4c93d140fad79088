using Reclamations.Engine.Handlers;

namespace Reclamations.Domain.Workflow;

/// <summary>An approval step's signature: who (the signed-in user completing the task, never a form value) and when, in
/// <c>approvedBy</c> / <c>approvedAt</c>, which the following <c>record-approval</c> step writes into the register.</summary>
public sealed class ApprovalSignatureListener : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        context.SetVariable("approvedBy", context.UserId ?? context.Assignee);
        context.SetVariable("approvedAt", context.Now);
        return Task.CompletedTask;
    }
}
