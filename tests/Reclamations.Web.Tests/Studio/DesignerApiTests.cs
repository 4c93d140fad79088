using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Studio;

/// <summary>The designer's API: the engine's own validation without deploying, drafts kept unchanged with who and when (only
/// their author or an administrator changes them), the deployment's size limit; ProcessOwner and Admin only.</summary>
public sealed class DesignerApiTests : IDisposable
{
    private readonly WebHost _host = new(settings: new Dictionary<string, string?> { ["Engine:MaxBpmnDocumentBytes"] = "20000" });

    public void Dispose() => _host.DisposeAndDelete();

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private static string Process(string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:vendor="http://vendor.example/bpmn" id="d" targetNamespace="http://reclamations.test">
          <process id="essai" name="Essai" isExecutable="true">
            {body}
          </process>
        </definitions>
        """;

    [Fact]
    public async Task A_valid_diagram_is_accepted_without_being_deployed()
    {
        var owner = _host.ClientAs("owner", "ProcessOwner");

        var response = await owner.PostAsync("/api/studio/validate", Xml(TestBpmn.Simple));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body["valid"]!.GetValue<bool>().Should().BeTrue();
        body["processKeys"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal("simple");
        (await (await owner.GetAsync("/api/engine/process-definitions")).JsonAsync()).AsArray().Should().BeEmpty("validation deploys nothing");
    }

    [Fact]
    public async Task A_gateway_without_outgoing_flow_and_an_unknown_topic_are_problems_naming_their_elements()
    {
        var owner = _host.ClientAs("owner", "ProcessOwner");

        var gateway = await owner.PostAsync("/api/studio/validate", Xml(Process("""
            <startEvent id="start" /><exclusiveGateway id="gw" /><sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            """)));
        var topic = await owner.PostAsync("/api/studio/validate", Xml(Process("""
            <startEvent id="start" /><serviceTask id="svc" camunda:type="external" camunda:topic="no-such-topic" /><endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="svc" /><sequenceFlow id="f2" sourceRef="svc" targetRef="end" />
            """)));

        gateway.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        gateway.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var gatewayError = (await gateway.JsonAsync())["errors"]!.AsArray().Should().ContainSingle().Subject!;
        gatewayError["elementId"]!.GetValue<string>().Should().Be("gw");
        gatewayError["message"]!.GetValue<string>().Should().Contain("has no outgoing sequence flow");
        topic.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var topicError = (await topic.JsonAsync())["errors"]!.AsArray().Should().ContainSingle().Subject!;
        topicError["elementId"]!.GetValue<string>().Should().Be("svc");
        topicError["message"]!.GetValue<string>().Should().Contain("'no-such-topic'");
    }

    [Fact]
    public async Task Malformed_XML_is_a_problem_giving_its_line_and_an_empty_body_is_refused()
    {
        var owner = _host.ClientAs("owner", "ProcessOwner");

        var malformed = await owner.PostAsync("/api/studio/validate", Xml("<definitions><process id=\"p\"></definitions>"));
        var empty = await owner.PostAsync("/api/studio/validate", Xml(""));

        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.JsonAsync())["errors"]![0]!["message"]!.GetValue<string>().Should().StartWith("Malformed XML at line 1");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("application/xml");
    }

    [Fact]
    public async Task Bodies_over_the_deployment_limit_are_refused_with_413_and_nothing_is_stored()
    {
        var owner = _host.ClientAs("owner", "ProcessOwner");
        var huge = Process($"<documentation>{new string('x', 200_000)}</documentation><startEvent id=\"start\" />");

        var validate = await owner.PostAsync("/api/studio/validate", Xml(huge));
        var chunked = new UnsizedContent(Encoding.UTF8.GetBytes(huge));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        var draft = await owner.PostAsync("/api/studio/drafts?processKey=essai", chunked);
        var overDocumentLimit = await owner.PostAsync("/api/studio/drafts?processKey=essai",
            Xml(Process($"<documentation>{new string('x', 30_000)}</documentation>")));

        var formPost = await owner.PostAsync("/api/studio/validate", new StringContent(TestBpmn.Simple, Encoding.UTF8, "text/plain"));
        formPost.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, "a cross-site form cannot post a diagram");
        validate.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        draft.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        overDocumentLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await overDocumentLimit.JsonAsync())["errors"]![0]!["field"]!.GetValue<string>().Should().Be("xml");
        (await (await owner.GetAsync("/api/studio/drafts")).JsonAsync()).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_draft_is_kept_unchanged_with_who_and_when_and_only_its_author_or_an_administrator_changes_it()
    {
        var owner = _host.ClientAs("owner", "ProcessOwner");
        var other = _host.ClientAs("other-owner", "ProcessOwner");
        var admin = _host.ClientAs("admin", "Admin");
        // Invalid on purpose (a draft need not be valid), with a vendor extension a Camunda Modeler file may carry.
        var xml = Process("""<startEvent id="start"><extensionElements><vendor:note>garder</vendor:note></extensionElements></startEvent><exclusiveGateway id="gw" />""");

        var created = await owner.PostAsync("/api/studio/drafts?processKey=essai&basedOnVersion=2&comment=piste", Xml(xml));

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.JsonAsync();
        var id = draft["id"]!.GetValue<string>();
        draft["createdBy"]!.GetValue<string>().Should().Be("owner");
        draft["basedOnVersion"]!.GetValue<int>().Should().Be(2);
        draft["comment"]!.GetValue<string>().Should().Be("piste");
        (await (await other.GetAsync($"/api/studio/drafts/{id}/xml")).Content.ReadAsStringAsync()).Should().Be(xml);
        (await (await other.GetAsync("/api/studio/drafts")).JsonAsync()).AsArray().Should().ContainSingle();

        (await other.PutAsync($"/api/studio/drafts/{id}?processKey=essai", Xml(TestBpmn.Simple))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.DeleteAsync($"/api/studio/drafts/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var updated = await owner.PutAsync($"/api/studio/drafts/{id}?processKey=simple", Xml(TestBpmn.Simple));
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await updated.JsonAsync())["processKey"]!.GetValue<string>().Should().Be("simple");
        (await (await owner.GetAsync($"/api/studio/drafts/{id}/xml")).Content.ReadAsStringAsync()).Should().Be(TestBpmn.Simple);

        (await admin.DeleteAsync($"/api/studio/drafts/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await owner.GetAsync($"/api/studio/drafts/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_without_a_valid_process_key_is_refused_naming_the_field()
    {
        var owner = _host.ClientAs("owner", "ProcessOwner");

        var missing = await owner.PostAsync("/api/studio/drafts", Xml(TestBpmn.Simple));
        var invalid = await owner.PostAsync("/api/studio/drafts?processKey=deux%20mots", Xml(TestBpmn.Simple));

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.JsonAsync())["errors"]![0]!["field"]!.GetValue<string>().Should().Be("processKey");
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("'deux mots' is not a valid process id");
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("ComplaintsOfficer")]
    [InlineData("Direction")]
    public async Task Only_the_process_owner_and_the_administrator_use_the_designer_API(string role)
    {
        var client = _host.ClientAs($"user-{role.ToLowerInvariant()}", role);

        (await client.PostAsync("/api/studio/validate", Xml(TestBpmn.Simple))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/studio/drafts?processKey=simple", Xml(TestBpmn.Simple))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/studio/drafts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
