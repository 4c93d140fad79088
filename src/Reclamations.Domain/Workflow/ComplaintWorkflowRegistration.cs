using Microsoft.Extensions.DependencyInjection.Extensions;
using Reclamations.Domain.Deadlines;
using Reclamations.Engine.Hosting;

namespace Reclamations.Domain.Workflow;

public static class ComplaintWorkflowRegistration
{
    /// <summary>Registers what workflows/*.bpmn name: the deadline functions, the handlers of every topic and the reviewer listener.</summary>
    public static EngineBuilder AddComplaintWorkflow(this EngineBuilder builder, DeadlineProfileCatalog catalog)
    {
        builder.AddDeadlineFunctions(catalog);
        builder.Services.TryAddSingleton(catalog);
        builder.AddServiceTaskHandler<SendLetterHandler>(ComplaintProcess.Topics.SendLetter);
        foreach (var topic in ComplaintProcess.Topics.RegisterUpdates) builder.AddServiceTaskHandler<RegisterUpdateHandler>(topic);
        builder.Services.TryAddSingleton<Retention.LegalHolds>();
        builder.AddServiceTaskHandler<LitigationRecordHandler>(ComplaintProcess.Topics.RecordLitigation);
        builder.AddServiceTaskHandler<NotifyHandler>(ComplaintProcess.Topics.Notify);
        builder.AddTaskListener<IndependentReviewerListener>(ComplaintProcess.IndependentReviewerListener);
        builder.AddTaskListener<SecondLevelReviewerListener>(ComplaintProcess.SecondLevelReviewerListener);
        builder.AddTaskListener<FirstLevelDecisionListener>(ComplaintProcess.FirstLevelDecisionListener);
        builder.AddTaskListener<ApprovalSignatureListener>(ComplaintProcess.ApprovalSignatureListener);
        builder.Services.TryAddSingleton<CorrectiveActions.CorrectiveActionService>();
        builder.AddServiceTaskHandler<CorrectiveActions.CorrectiveActionOutcomeHandler>(CorrectiveActions.CorrectiveActionProcess.UpdateTopic);
        builder.AddTaskListener<CorrectiveActions.CorrectiveActionOutcomeListener>(CorrectiveActions.CorrectiveActionProcess.OutcomeListener);
        return builder;
    }
}
