namespace Reclamations.Domain.Workflow;

/// <summary>The names the complaint workflows (workflows/*.bpmn) and the application share.</summary>
public static class ComplaintProcess
{
    public const string Key = "complaint-handling";
    public const string LitigationKey = "litigation";
    public const string ClientReplyMessage = "client-reply";
    public const string PressInquiryMessage = "press-inquiry";

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
        public const string Notify = "notify";

        public static readonly string[] RegisterUpdates =
            [RecordAcknowledgement, RecordAnswer, RecordBreach, RecordStatus, RecordClosing, RecordFollowUp, RecordDelay];
    }

    public const string IndependentReviewerListener = "independent-reviewer";

    /// <summary>The user recorded in the audit trail for steps the workflow takes by itself.</summary>
    public const string WorkflowUser = "workflow";
}
