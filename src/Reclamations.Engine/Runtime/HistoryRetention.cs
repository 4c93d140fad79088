using System.Globalization;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Runtime;

/// <summary>Time to live of a definition's history, and the deploy-time rule against a time to live under the minimum.</summary>
internal static class HistoryRetention
{
    /// <summary>The definition's <c>camunda:historyTimeToLive</c>, else the configured default; null: kept for ever.</summary>
    public static TimeSpan? TimeToLive(ProcessModel model, EngineOptions options) => model.HistoryTimeToLive ?? options.DefaultHistoryTimeToLive;

    /// <summary>An error naming the process when its time to live (or the default it gets) is under the minimum.</summary>
    public static BpmnValidationError? CheckTimeToLive(ProcessModel model, EngineOptions options)
    {
        if (TimeToLive(model, options) is not { } ttl || ttl >= options.MinimumHistoryTimeToLive) return null;
        var source = model.HistoryTimeToLive is null ? "the default Engine:DefaultHistoryTimeToLive" : "camunda:historyTimeToLive";
        return new BpmnValidationError(model.Id,
            $"Process '{model.Id}': {source} of {Days(ttl)} days is shorter than Engine:MinimumHistoryTimeToLive " +
            $"({Days(options.MinimumHistoryTimeToLive)} days, the register's retention period).");
    }

    private static string Days(TimeSpan span) => span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A daily local-time window such as <c>01:00-05:00</c> (may span midnight: <c>22:00-02:00</c>).</summary>
public sealed record CleanupWindow(TimeOnly Start, TimeOnly End)
{
    /// <exception cref="FormatException">Not <c>HH:mm-HH:mm</c>, or an empty window.</exception>
    public static CleanupWindow Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            throw new FormatException($"Engine:HistoryCleanupWindow: '{text}' is not a window HH:mm-HH:mm (e.g. 01:00-05:00).");
        if (start == end) throw new FormatException($"Engine:HistoryCleanupWindow: '{text}' is an empty window.");
        return new CleanupWindow(start, end);
    }

    public bool Contains(TimeOnly time) => Start < End ? time >= Start && time < End : time >= Start || time < End;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
