using Reclamations.Engine.Api;
using Reclamations.Engine.Model;
using Reclamations.Engine.Persistence;

namespace Reclamations.Engine.Runtime;

/// <summary>The engine's authorisation rules, checked inside every command whatever its caller. <see cref="Actor.System"/> (the
/// engine itself: start-up deployment, the job executor, in-process code acting on its own) is not a user and passes them;
/// the form contract and the engine-internal variables hold for it too.</summary>
internal static class AccessRules
{
    public static bool IsAssignee(TaskEntity task, Actor actor) => task.Assignee is not null && task.Assignee == actor.Id;

    /// <summary>A candidate user of the task, or a member of one of its candidate groups.</summary>
    public static bool IsCandidate(TaskEntity task, Actor actor) =>
        Split(task.CandidateUsers).Contains(actor.Id, StringComparer.Ordinal) || actor.InAnyGroup(Split(task.CandidateGroups));

    public static bool IsSupervisor(EngineOptions options, Actor actor) => actor.InAnyGroup(options.SupervisorGroups);

    /// <summary>The definition's candidate starters when it names any, else the configured starter groups.</summary>
    public static bool MayStart(ProcessModel model, EngineOptions options, Actor actor) =>
        actor.IsSystem || (model.CandidateStarterGroups.Count == 0 && model.CandidateStarterUsers.Count == 0
            ? actor.InAnyGroup(options.StarterGroups)
            : model.CandidateStarterUsers.Contains(actor.Id, StringComparer.Ordinal) || actor.InAnyGroup(model.CandidateStarterGroups));

    public static bool MaySendMessages(EngineOptions options, Actor actor) => actor.IsSystem || actor.InAnyGroup(options.MessageSenderGroups);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
