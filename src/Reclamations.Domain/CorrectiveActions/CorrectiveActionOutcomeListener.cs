using Reclamations.Domain.Register;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.CorrectiveActions;

/// <summary>Refuses to complete the overdue task with a postponement that has no new due date after today (firm's day):
/// the owner reads why on the task's page and nothing changes.</summary>
public sealed class CorrectiveActionOutcomeListener(ComplaintRegister register) : ITaskListener
{
    public Task NotifyAsync(ListenerContext context, CancellationToken cancellationToken)
    {
        if (context.Variables.GetValueOrDefault("actionOutcome") as string != CorrectiveActionProcess.Outcomes.Postponed) return Task.CompletedTask;
        var today = ZonedTime.LocalDate(context.Now, register.FirmZone);
        if (NewDueDate(context.Variables, register.FirmZone) is not { } due || due <= today)
            throw new RejectedException($"Une action reportée a besoin d'une nouvelle échéance postérieure au {today:dd/MM/yyyy}.");
        return Task.CompletedTask;
    }

    /// <summary>The form's <c>newDueDate</c> as the firm's day, or null.</summary>
    public static DateOnly? NewDueDate(IReadOnlyDictionary<string, object?> variables, TimeZoneInfo zone) =>
        variables.GetValueOrDefault("newDueDate") switch
        {
            DateOnly day => day,
            DateTimeOffset instant => ZonedTime.LocalDate(instant, zone),
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            string text when DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var day) => day,
            _ => null,
        };
}
