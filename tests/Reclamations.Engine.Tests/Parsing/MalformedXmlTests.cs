using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

public sealed class MalformedXmlTests
{
    [Fact]
    public void Malformed_xml_gives_one_error_with_line_and_position()
    {
        var xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <bpmn:process id=\"P\">\n</bpmn:definitions>";

        var error = BpmnText.Errors(xml).Should().ContainSingle().Subject;

        error.ElementId.Should().BeNull();
        error.Message.Should().StartWith("Malformed XML at line 3, position");
    }

    [Fact]
    public void Empty_text_is_malformed()
    {
        BpmnText.Errors("").Should().ContainSingle().Which.Message.Should().StartWith("Malformed XML");
    }

    [Fact]
    public void Document_type_definitions_are_refused()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>";

        BpmnText.Errors(xml).Should().ContainSingle().Which.Message.Should().StartWith("Malformed XML");
    }

    [Fact]
    public void Root_that_is_not_bpmn_definitions_is_refused()
    {
        BpmnText.Errors("<definitions />").Should().ContainSingle().Which.Message.Should().Contain("expected bpmn:definitions");
    }
}
