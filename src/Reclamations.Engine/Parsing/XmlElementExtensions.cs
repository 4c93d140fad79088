using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

internal static class XmlElementExtensions
{
    /// <summary>An unqualified (BPMN) attribute, trimmed; null when absent or blank.</summary>
    public static string? Attr(this XElement element, string name) => NonBlank((string?)element.Attribute(name));

    /// <summary>A <c>camunda:</c> attribute, trimmed; null when absent or blank.</summary>
    public static string? CamundaAttr(this XElement element, string name) =>
        NonBlank((string?)element.Attribute(BpmnNames.Camunda + name));

    public static bool BoolAttr(this XElement element, string name, bool defaultValue = false) =>
        ParseBool(element.Attr(name), defaultValue);

    public static bool CamundaBoolAttr(this XElement element, string name, bool defaultValue = false) =>
        ParseBool(element.CamundaAttr(name), defaultValue);

    /// <summary>The Camunda elements of the given name inside <c>bpmn:extensionElements</c>.</summary>
    public static IEnumerable<XElement> CamundaExtensions(this XElement element, string name) =>
        element.Elements(BpmnNames.Bpmn + "extensionElements").Elements(BpmnNames.Camunda + name);

    public static XElement? BpmnChild(this XElement element, string name) => element.Element(BpmnNames.Bpmn + name);

    /// <summary>The trimmed text of the element; null when blank.</summary>
    public static string? Text(this XElement? element) => element is null ? null : NonBlank(element.Value);

    /// <summary>The element name as written in a file (<c>prefix:name</c> for non-BPMN elements).</summary>
    public static string TypeName(this XElement element)
    {
        if (element.Name.Namespace == BpmnNames.Bpmn)
        {
            return element.Name.LocalName;
        }

        var prefix = element.GetPrefixOfNamespace(element.Name.Namespace);
        return string.IsNullOrEmpty(prefix) ? element.Name.LocalName : $"{prefix}:{element.Name.LocalName}";
    }

    /// <summary>A reference such as <c>messageRef</c>, without a namespace prefix if one was written.</summary>
    public static string? RefAttr(this XElement element, string name)
    {
        var value = element.Attr(name);
        if (value is null)
        {
            return null;
        }

        var colon = value.IndexOf(':');
        return colon >= 0 ? value[(colon + 1)..] : value;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool ParseBool(string? value, bool defaultValue) =>
        value is null ? defaultValue : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
