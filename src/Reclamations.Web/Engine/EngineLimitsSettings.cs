using System.Globalization;
using System.Xml;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Engine;

/// <summary>Reads the runaway limits of the <c>Engine</c> section (see appsettings.example.json); a value that is not a
/// positive number (or a duration, ISO 8601 <c>PT2S</c> or <c>00:00:02</c>) stops the start-up naming its key.</summary>
internal static class EngineLimitsSettings
{
    public static void Apply(IConfiguration config, EngineOptions o)
    {
        o.MaxStepsPerCommand = Positive(config, "Engine:MaxStepsPerCommand") ?? o.MaxStepsPerCommand;
        o.MaxBpmnDocumentBytes = Positive(config, "Engine:MaxBpmnDocumentBytes") ?? o.MaxBpmnDocumentBytes;
        o.MaxBpmnNestingDepth = Positive(config, "Engine:MaxBpmnNestingDepth") ?? o.MaxBpmnNestingDepth;
        o.MaxBpmnElements = Positive(config, "Engine:MaxBpmnElements") ?? o.MaxBpmnElements;
        o.MaxExpressionOutputChars = Positive(config, "Engine:MaxExpressionOutputChars") ?? o.MaxExpressionOutputChars;
        o.ExpressionTimeout = Duration(config, "Engine:ExpressionTimeout") ?? o.ExpressionTimeout;
    }

    private static int? Positive(IConfiguration config, string key)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{key} must be a positive whole number, not '{text}'.");
    }

    private static TimeSpan? Duration(IConfiguration config, string key)
    {
        var text = config[key];
        if (string.IsNullOrWhiteSpace(text)) return null;
        TimeSpan value;
        try
        {
            value = text.StartsWith('P') ? XmlConvert.ToTimeSpan(text) : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{key} must be a duration such as PT2S, not '{text}'.");
        }
        return value > TimeSpan.Zero ? value : throw new InvalidOperationException($"{key} must be longer than zero, not '{text}'.");
    }
}
