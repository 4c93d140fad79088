using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Register;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>An upload over the document limit (<c>Storage:MaxDocumentBytes</c>, here 10,000 bytes) is refused with 413 and
/// a problem detail before its body is buffered, whether its length is declared or not (chunked), on the documents route,
/// the intake page and the public form; nothing is stored.</summary>
public sealed class DocumentUploadLimitTests : IDisposable
{
    private readonly WebHost _host = WebHost.WithRealWorkflows(new Dictionary<string, string?> { ["Storage:MaxDocumentBytes"] = "10000" });

    public void Dispose() => _host.DisposeAndDelete();

    private static readonly byte[] Huge = Encoding.UTF8.GetBytes("%PDF-1.7\n" + new string('x', 300_000));

    private static MultipartFormDataContent Form(HttpContent file, params (string Name, string Value)[] fields)
    {
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { file, "file", "releve.pdf" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("Storage:MaxDocumentBytes").And.Contain("10\u202f000 octets");
    }

    private string DocumentsFolder => Path.Combine(_host.Folder, "data", "documents");

    private IEnumerable<string> StoredFiles() =>
        Directory.Exists(DocumentsFolder) ? Directory.EnumerateFiles(DocumentsFolder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_document_over_the_limit_is_a_413_declared_or_chunked_and_nothing_is_stored()
    {
        var client = _host.ClientAs("staff.user", "Staff");
        var now = (await (await client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        var created = await client.PostJsonAsync("/api/complaints", ComplaintRequests.New("FR-ACPR", now));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.JsonAsync())["id"]!.GetValue<string>();

        await ShouldBeTooLargeAsync(await client.PostAsync($"/api/complaints/{id}/documents", Form(new ByteArrayContent(Huge))));
        await ShouldBeTooLargeAsync(await client.PostAsync($"/api/complaints/{id}/documents", Form(new UnsizedContent(Huge))));
        (await (await client.GetAsync($"/api/complaints/{id}")).JsonAsync())["documents"]!.AsArray().Should().BeEmpty();
        StoredFiles().Should().BeEmpty();

        var small = await client.PostAsync($"/api/complaints/{id}/documents",
            Form(new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.7\nun relevé"))));
        small.StatusCode.Should().Be(HttpStatusCode.Created, "a document within the limit is still accepted");
        StoredFiles().Should().ContainSingle();
    }

    [Fact]
    public async Task The_intake_page_and_the_public_form_refuse_an_over_limit_chunked_body_with_413_and_register_nothing()
    {
        var staff = _host.ClientAs("staff.user", "Staff");
        await ShouldBeTooLargeAsync(await staff.PostAsync("/reclamations/nouvelle",
            Form(new UnsizedContent(Huge), ("name", "M. Hugo Marchand"), ("subject", "Résiliation"))));
        await ShouldBeTooLargeAsync(await staff.PostAsync("/reclamations/nouvelle",
            Form(new ByteArrayContent(Huge), ("name", "M. Hugo Marchand"), ("subject", "Résiliation"))));

        var anonymous = _host.CreateClient();
        await ShouldBeTooLargeAsync(await anonymous.PostAsync("/reclamation",
            Form(new UnsizedContent(Huge), ("name", "M. Hugo Marchand"), ("subject", "Résiliation"))));

        (await _host.Services.GetRequiredService<ComplaintRegister>().ListAsync()).Should().BeEmpty();
        StoredFiles().Should().BeEmpty();
    }
}
