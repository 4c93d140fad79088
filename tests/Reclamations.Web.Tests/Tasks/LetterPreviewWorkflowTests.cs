using System.Xml.Linq;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Tasks;

/// <summary>The shipped workflows name, on each user task with a <c>letterPreview</c> property, the letter its completion
/// leads to: the nearest <c>send-letter</c> step after it sends that very template.</summary>
public sealed class LetterPreviewWorkflowTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    [Fact]
    public void Each_previewed_letter_is_the_one_the_next_send_step_sends()
    {
        var previews = 0;
        foreach (var file in Directory.GetFiles(RepoFolders.Find("workflows"), "*.bpmn"))
        {
            var document = XDocument.Load(file);
            var nodes = document.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null).ToDictionary(e => (string)e.Attribute("id")!);
            var flows = document.Descendants(Bpmn + "sequenceFlow").ToLookup(f => (string)f.Attribute("sourceRef")!, f => (string)f.Attribute("targetRef")!);
            foreach (var task in document.Descendants(Bpmn + "userTask"))
            {
                var template = task.Element(Bpmn + "extensionElements")?.Elements(Camunda + "properties").Elements(Camunda + "property")
                    .FirstOrDefault(p => (string?)p.Attribute("name") == "letterPreview")?.Attribute("value")?.Value;
                if (template is null) continue;
                previews++;
                NearestLetter((string)task.Attribute("id")!, nodes, flows)
                    .Should().Be(template, $"{Path.GetFileName(file)} {task.Attribute("id")} previews the letter sent after it");
                File.Exists(Path.Combine(RepoFolders.Find("templates"), template + ".scriban-html")).Should().BeTrue(template);
            }
        }
        previews.Should().BeGreaterThanOrEqualTo(7);
    }

    /// <summary>Breadth-first along the sequence flows: the template of the first send-letter step reached.</summary>
    private static string? NearestLetter(string start, Dictionary<string, XElement> nodes, ILookup<string, string> flows)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>(flows[start]);
        while (queue.TryDequeue(out var id))
        {
            if (!seen.Add(id)) continue;
            var node = nodes[id];
            if ((string?)node.Attribute(Camunda + "topic") == "send-letter")
                return node.Descendants(Camunda + "inputParameter").First(p => (string?)p.Attribute("name") == "template").Value.Trim();
            foreach (var next in flows[id]) queue.Enqueue(next);
        }
        return null;
    }
}
