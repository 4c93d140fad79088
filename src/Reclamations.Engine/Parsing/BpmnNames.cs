using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

/// <summary>XML namespaces of the BPMN 2.0 model and of the Camunda 7 extensions.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
}
