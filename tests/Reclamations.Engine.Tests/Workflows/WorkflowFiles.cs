using System.Xml.Linq;
using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Workflows;

/// <summary>The deployed process definitions of the repository's <c>workflows/</c> folder, and its <c>templates/</c>.</summary>
internal static class WorkflowFiles
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    public static readonly string[] FileNames = ["complaint-handling.bpmn", "litigation.bpmn", "letter-failure.bpmn", "answer-approval.bpmn", "corrective-action.bpmn"];

    public static string Folder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ReclamationsWorkflow.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No '{name}' folder next to ReclamationsWorkflow.sln above {AppContext.BaseDirectory}");
    }

    public static string Xml(string fileName) => File.ReadAllText(Path.Combine(Folder("workflows"), fileName));

    public static ProcessModel Process(string fileName) => BpmnParser.Parse(Xml(fileName)).Should().ContainSingle().Subject;

    public static XDocument Document(string fileName) => XDocument.Parse(Xml(fileName));

    public static IEnumerable<T> All<T>(ProcessModel process) => process.NodesById.Values.OfType<T>();

    public static string? Input(Activity activity, string name) => activity.Inputs.SingleOrDefault(i => i.Name == name)?.Value;

    public static FormField Field(ProcessModel process, string taskId, string fieldId) =>
        process.Node(taskId).Should().BeOfType<UserTask>().Which.FormFields
            .Should().ContainSingle(f => f.Id == fieldId, $"task {taskId} must have the form field {fieldId}").Subject;

    /// <summary>Bounds of the shape of each BPMN element of the diagram, by element id.</summary>
    public static Dictionary<string, (double X, double Y, double W, double H)> Shapes(XDocument document) =>
        document.Descendants(BpmnDi + "BPMNShape").ToDictionary(
            s => (string)s.Attribute("bpmnElement")!,
            s =>
            {
                var b = s.Element(Dc + "Bounds")!;
                return ((double)b.Attribute("x")!, (double)b.Attribute("y")!, (double)b.Attribute("width")!, (double)b.Attribute("height")!);
            });

    /// <summary>Waypoints of the edge of each sequence flow, by flow id.</summary>
    public static Dictionary<string, List<(double X, double Y)>> Edges(XDocument document) =>
        document.Descendants(BpmnDi + "BPMNEdge").ToDictionary(
            e => (string)e.Attribute("bpmnElement")!,
            e => e.Elements(Di + "waypoint").Select(w => ((double)w.Attribute("x")!, (double)w.Attribute("y")!)).ToList());
}
