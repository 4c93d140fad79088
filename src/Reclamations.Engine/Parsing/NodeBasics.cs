using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

/// <summary>The attributes every flow node has, read once and copied into the node's initializer.</summary>
internal sealed record NodeBasics(string Id, string Type, string? Name, bool AsyncBefore, bool AsyncAfter, string? RetryCycle)
{
    public static NodeBasics Read(XElement element, string id) => new(
        id,
        element.Name.LocalName,
        element.Attr("name"),
        element.CamundaBoolAttr("asyncBefore") || element.CamundaBoolAttr("async"),
        element.CamundaBoolAttr("asyncAfter"),
        CamundaExtensionReader.ReadRetryCycle(element));
}
