namespace Reclamations.Domain.Workflow;

/// <summary>The names the complaint workflows (workflows/*.bpmn) and the application share.</summary>
public static class ComplaintProcess
{
    public const string Key = "complaint-handling";
    public const string LitigationKey = "litigation";
    public const string ClientReplyMessage = "client-reply";
    public const string PressInquiryMessage = "press-inquiry";

    /// <summary>Where a reopened complaint's new instance starts (no change of the diagram is needed): an acknowledged
    /// complaint has its acknowledgement branch done (a token waits at the handling join) and a new reviewer to appoint; one
    /// never acknowledged (closed as not a complaint) enters the handling step from its start (acknowledgement and reviewer).</summary>
    public static IReadOnlyList<Reclamations.Engine.Api.ModificationInstruction> ReopenedStart(bool acknowledged) => acknowledged
        ?
        [
            new(Reclamations.Engine.Api.ModificationKind.StartAfterActivity, "Task_RecordAcknowledgement"),
            new(Reclamations.Engine.Api.ModificationKind.StartBeforeActivity, "Task_AssignReviewer"),
        ]
        : [new(Reclamations.Engine.Api.ModificationKind.StartBeforeActivity, "SubProcess_Handling")];

    public static class Topics
    {
        public const string SendLetter = "send-letter";
        public const string RecordAcknowledgement = "record-acknowledgement";
        public const string RecordAnswer = "record-answer";
        public const string RecordBreach = "record-breach";
        public const string RecordStatus = "record-status";
        public const string RecordClosing = "record-closing";
        public const string RecordFollowUp = "record-follow-up";
        public const string RecordDelay = "record-delay";
        public const string RecordApproval = "record-approval";
        public const string RecordLateReasons = "record-late-reasons";
        public const string Notify = "notify";
        public const string RecordLitigation = "record-litigation";

        public static readonly string[] RegisterUpdates =
            [RecordAcknowledgement, RecordAnswer, RecordBreach, RecordStatus, RecordClosing, RecordFollowUp, RecordDelay, RecordApproval, RecordLateReasons];
    }

    public const string IndependentReviewerListener = "independent-reviewer";

    /// <summary>Task listener (assignment) of the second-level review: independent of the complaint AND of the first level.</summary>
    public const string SecondLevelReviewerListener = "independent-second-level";

    /// <summary>Task listener (complete) of the first level's decisions (review, approvals): records who decided.</summary>
    public const string FirstLevelDecisionListener = "first-level-decision";

    /// <summary>Task listener (complete) of an approval step: records who approved and when, for <c>record-approval</c>.</summary>
    public const string ApprovalSignatureListener = "approval-signature";

    /// <summary>The called process that validates (Direction) and countersigns (complaints officer) an answer before it leaves.</summary>
    public const string AnswerApprovalKey = "answer-approval";

    /// <summary>The user recorded in the audit trail for steps the workflow takes by itself.</summary>
    public const string WorkflowUser = "workflow";
}
