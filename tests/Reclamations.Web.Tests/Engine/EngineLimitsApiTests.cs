using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Engine;

public sealed class EngineLimitsApiTests : IDisposable
{
    private readonly WebHost _host = new(settings: new Dictionary<string, string?> { ["Engine:MaxBpmnDocumentBytes"] = "20000" });

    public void Dispose()
    {
        _host.Dispose();
        WebHost.DeleteFolder(_host.Folder);
    }

    private const string Loop = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     id="d" targetNamespace="http://reclamations.test">
          <process id="loop" isExecutable="true">
            <startEvent id="start" />
            <exclusiveGateway id="gw" default="f_end" />
            <task id="again" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <sequenceFlow id="f_again" sourceRef="gw" targetRef="again"><conditionExpression xsi:type="tFormalExpression">${ true }</conditionExpression></sequenceFlow>
            <sequenceFlow id="f_back" sourceRef="again" targetRef="gw" />
            <sequenceFlow id="f_end" sourceRef="gw" targetRef="end" />
          </process>
        </definitions>
        """;

    private static string Padded(int bytes) => TestBpmn.Simple.Replace("<process id=\"simple\" name=\"Simple\" isExecutable=\"true\">",
        $"<process id=\"simple\" name=\"Simple\" isExecutable=\"true\"><documentation>{new string('x', bytes)}</documentation>");

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("85,536 bytes").And.Contain("Engine:MaxBpmnDocumentBytes");
    }

    [Fact]
    public async Task A_deployment_body_over_the_limit_is_refused_with_413_whether_its_length_is_declared_or_not()
    {
        var client = _host.ClientAs("owner", "ProcessOwner");
        var huge = Encoding.UTF8.GetBytes(Padded(200_000));

        var declared = new ByteArrayContent(huge);
        declared.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        await ShouldBeTooLargeAsync(await client.PostAsync("/api/engine/deployments", declared));
        var chunked = new UnsizedContent(huge);
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        await ShouldBeTooLargeAsync(await client.PostAsync("/api/engine/deployments", chunked));
        var multipart = new MultipartFormDataContent { { new UnsizedContent(huge), "files", "simple.bpmn" } };
        await ShouldBeTooLargeAsync(await client.PostAsync("/api/engine/deployments", multipart));

        (await (await client.GetAsync("/api/engine/process-definitions")).JsonAsync()).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_document_over_the_BPMN_size_limit_within_the_body_limit_is_a_400_naming_the_limit()
    {
        var client = _host.ClientAs("owner", "ProcessOwner");

        var response = await client.PostAsync("/api/engine/deployments", new StringContent(Padded(30_000), Encoding.UTF8, "application/xml"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync())["errors"]![0]!["message"]!.GetValue<string>()
            .Should().Be("The document is larger than the limit of 20,000 bytes (Engine:MaxBpmnDocumentBytes)");
    }

    [Fact]
    public async Task A_start_that_loops_without_wait_state_is_a_422_naming_the_element_and_an_incident_is_listed()
    {
        var client = _host.ClientAs("olga", "Admin");
        (await client.PostAsync("/api/engine/deployments", new StringContent(Loop, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var response = await client.PostJsonAsync("/api/engine/process-definitions/loop/start", new { });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.JsonAsync();
        var element = problem["elementId"]!.GetValue<string>();
        element.Should().BeOneOf("gw", "again");
        problem["detail"]!.GetValue<string>().Should().Contain($"element '{element}'").And.Contain("step budget");
        var incidents = (await (await client.GetAsync("/api/engine/incidents")).JsonAsync()).AsArray();
        incidents.Should().ContainSingle().Which!["activityId"]!.GetValue<string>().Should().Be(element);
        (await client.PostAsync("/api/engine/deployments", new StringContent(TestBpmn.Simple, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }
}
