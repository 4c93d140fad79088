using Reclamations.Engine.Api;
using System.Globalization;

namespace Reclamations.Domain.Workflow;

/// <summary>Typed reads of process variables, with errors naming the variable.</summary>
internal static class WorkflowVariables
{
    public static Guid ComplaintId(IReadOnlyDictionary<string, object?> variables) =>
        Guid.TryParse(Text(variables, "complaintId"), out var id)
            ? id
            : throw new InvalidOperationException("La variable « complaintId » n'est pas un identifiant de réclamation.");

    public static string Text(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
            : throw new InvalidOperationException($"La variable « {name} » manque.");

    public static string? OptionalText(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public static object? Optional(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>A date variable as the local date it denotes (a DateTimeOffset or an ISO date text).</summary>
    public static DateOnly? OptionalDate(IReadOnlyDictionary<string, object?> variables, string name, TimeZoneInfo zone) =>
        Optional(variables, name) switch
        {
            DateTimeOffset d => ZonedTime.LocalDate(d, zone),
            string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var day) => day,
            _ => null,
        };
}
