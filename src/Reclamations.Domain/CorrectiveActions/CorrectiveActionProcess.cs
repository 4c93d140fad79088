namespace Reclamations.Domain.CorrectiveActions;

/// <summary>The names workflows/corrective-action.bpmn and the application share.</summary>
public static class CorrectiveActionProcess
{
    public const string Key = "corrective-action";

    /// <summary>Ends the follow-up of an action marked done or cancelled elsewhere (case file, API); correlated by actionId.</summary>
    public const string ClosedMessage = "corrective-action-closed";

    /// <summary>The service task that applies the owner's answer to an overdue action (done, cancelled, postponed).</summary>
    public const string UpdateTopic = "update-corrective-action";

    /// <summary>Task listener (complete) of the overdue task: a postponement needs a new due date after today.</summary>
    public const string OutcomeListener = "corrective-action-outcome";

    public static class Outcomes
    {
        public const string Done = "done";
        public const string Cancelled = "cancelled";
        public const string Postponed = "postponed";
    }
}
