using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

/// <summary>The process's reader restriction: <c>&lt;camunda:property name="readerGroups" value="LegalPartner,Direction"/&gt;</c>
/// in the <c>camunda:properties</c> of the process's <c>bpmn:extensionElements</c> (bpmn-js shows it under "Extension
/// properties"). A non-empty comma list of group names; expressions are refused (who may read is known before any
/// variable exists).</summary>
internal static class ReaderGroupsReader
{
    public const string PropertyName = "readerGroups";

    public static IReadOnlyList<string> Read(XElement process, string processId, ParseContext context)
    {
        var properties = process.CamundaExtensions("properties").Elements(BpmnNames.Camunda + "property")
            .Where(p => (string?)p.Attribute("name") == PropertyName).ToList();
        if (properties.Count == 0) return [];
        var where = $"Process '{processId}', camunda:property '{PropertyName}'";
        if (properties.Count > 1)
        {
            context.Error(processId, $"{where} is given {properties.Count} times; give it once");
            return [];
        }
        var text = (string?)properties[0].Attribute("value") ?? "";
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
        {
            context.Error(processId, $"{where} must list group names, not an expression ('{text}')");
            return [];
        }
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        if (string.IsNullOrWhiteSpace(text) || names.Any(n => n.Length == 0 || n.Any(char.IsWhiteSpace)))
        {
            context.Error(processId, $"{where} must be a comma list of group names (e.g. LegalPartner,Direction), not '{text}'");
            return [];
        }
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }
}
