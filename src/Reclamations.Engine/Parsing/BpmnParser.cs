using System.Xml;
using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads a BPMN 2.0 file (Camunda 7 extension attributes, as written by bpmn-js / Camunda Modeler)
/// into validated process models. Anything the engine cannot execute is refused, never ignored.</summary>
public static class BpmnParser
{
    /// <summary>Every executable process of the file, within <see cref="BpmnLimits.Default"/>.</summary>
    /// <exception cref="BpmnValidationException">With every problem found, each naming its element.</exception>
    public static IReadOnlyList<ProcessModel> Parse(string xml) => Parse(xml, BpmnLimits.Default);

    /// <summary>Every executable process of the file; a document beyond <paramref name="limits"/> is refused before it is built.</summary>
    /// <exception cref="BpmnValidationException">With every problem found, each naming its element, or the limit exceeded.</exception>
    public static IReadOnlyList<ProcessModel> Parse(string xml, BpmnLimits limits)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(limits);
        var root = Load(xml, limits);
        if (root.Name != BpmnNames.Bpmn + "definitions")
        {
            throw new BpmnValidationException(
            [
                new BpmnValidationError(null, $"The root element is {root.Name.LocalName}, expected bpmn:definitions in namespace {BpmnNames.Bpmn}"),
            ]);
        }

        var context = new ParseContext(root);
        CheckDuplicateIds(root, context);
        var executable = root.Elements(BpmnNames.Bpmn + "process").Where(p => p.BoolAttr("isExecutable")).ToList();
        if (executable.Count == 0)
        {
            context.Error(null, "The file contains no executable process (isExecutable=\"true\")");
        }

        var processes = executable.Select(p => ProcessReader.Read(p, context)).ToList();
        if (context.HasErrors)
        {
            throw new BpmnValidationException(context.Errors);
        }

        return processes;
    }

    private static XElement Load(string xml, BpmnLimits limits)
    {
        BpmnDocumentLimits.CheckSize(xml, limits);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = limits.MaxDocumentBytes,
        };
        try
        {
            BpmnDocumentLimits.CheckShape(xml, settings, limits);
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root
                ?? throw new XmlException("The document has no root element.");
        }
        catch (XmlException ex)
        {
            throw new BpmnValidationException(
            [
                new BpmnValidationError(null, $"Malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}"),
            ]);
        }
    }

    /// <summary>Ids of BPMN model elements must be unique across the file (diagram elements are not checked).</summary>
    private static void CheckDuplicateIds(XElement root, ParseContext context)
    {
        var duplicates = root.Descendants()
            .Where(e => e.Name.Namespace == BpmnNames.Bpmn && e.Attr("id") is not null)
            .GroupBy(e => e.Attr("id")!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            context.Error(group.Key, $"Id '{group.Key}' is used by more than one element "
                + $"({string.Join(", ", group.Select(e => e.Name.LocalName))})");
        }
    }
}
