using System.Globalization;
using System.Text;
using System.Xml;

namespace Reclamations.Engine.Parsing;

/// <summary>Checks a document against <see cref="BpmnLimits"/> while streaming it, before any tree is built.</summary>
internal static class BpmnDocumentLimits
{
    public static void CheckSize(string xml, BpmnLimits limits)
    {
        // A UTF-8 byte count is at least the character count: a string longer than the limit is refused uncounted.
        if (xml.Length <= limits.MaxDocumentBytes && Encoding.UTF8.GetByteCount(xml) <= limits.MaxDocumentBytes) return;
        throw Refused($"The document is larger than the limit of {Format(limits.MaxDocumentBytes)} bytes (Engine:MaxBpmnDocumentBytes)");
    }

    /// <summary>Reads the document once without keeping it, stopping at the first element past the nesting or count limit.</summary>
    public static void CheckShape(string xml, XmlReaderSettings settings, BpmnLimits limits)
    {
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var info = (IXmlLineInfo)reader;
        var elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.Depth + 1 > limits.MaxNestingDepth)
                throw Refused($"Element <{reader.Name}> at line {info.LineNumber}, position {info.LinePosition} is nested deeper than "
                              + $"the limit of {limits.MaxNestingDepth} levels (Engine:MaxBpmnNestingDepth)");
            if (++elements > limits.MaxElements)
                throw Refused($"The document has more than the limit of {Format(limits.MaxElements)} elements (Engine:MaxBpmnElements); "
                              + $"element <{reader.Name}> at line {info.LineNumber} is one too many");
        }
    }

    private static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static BpmnValidationException Refused(string message) => new([new BpmnValidationError(null, message)]);
}
