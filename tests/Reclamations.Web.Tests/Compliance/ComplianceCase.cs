using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Web.Tests.Complaints;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Compliance;

/// <summary>The real app (real workflows, SQLite file, manual clock) with complaints carrying a document and letters, as
/// the compliance tests need them.</summary>
internal sealed class ComplianceCase : IDisposable
{
    public WebHost Host { get; } = WebHost.WithRealWorkflows();
    public HttpClient Staff { get; }
    public HttpClient Officer { get; }
    public HttpClient Admin { get; }
    public HttpClient Direction { get; }

    public ComplianceCase()
    {
        Staff = Host.ClientAs("staff.user", "Staff");
        Officer = Host.ClientAs("resp.reclamations", "ComplaintsOfficer");
        Admin = Host.ClientAs("admin.user", "Admin");
        Direction = Host.ClientAs("direction", "Direction");
    }

    public DateTimeOffset Now => Host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public async Task<(Guid Id, Guid InstanceId)> RegisterAsync(string email)
    {
        var response = await Staff.PostJsonAsync("/api/complaints", ComplaintRequests.New("FR-ACPR", Now, email: email));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.JsonAsync();
        return (Guid.Parse((string)created["id"]!), Guid.Parse((string)created["processInstanceId"]!));
    }

    public async Task<string> AddDocumentAsync(Guid id, string name, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var response = await Staff.PostAsync($"/api/complaints/{id}/documents", new MultipartFormDataContent { { file, "file", name } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await using var db = await Factory.CreateDbContextAsync();
        var stored = await db.Documents.AsNoTracking().SingleAsync(d => d.ComplaintId == id && d.FileName == name);
        return Path.Combine(Host.Folder, "data", stored.StoragePath);
    }

    /// <summary>A letter as the workflow keeps it (the letter writer is another part's: the row is written as it writes it).</summary>
    public async Task<SentLetter> AddLetterAsync(Guid id, string template, string text, IReadOnlyCollection<string>? readerGroups = null)
    {
        var letter = SentLetter.Create(id, template, "complainant", $"Objet : {template}", $"<p>{text}</p>", text, Now, null, readerGroups);
        await using var db = await Factory.CreateDbContextAsync();
        db.SentLetters.Add(letter);
        await db.SaveChangesAsync();
        return letter;
    }

    /// <summary>Closes the complaint as the closing step would: its process ended (cancelled by an operator here), the
    /// register closed with its outcome and a breach.</summary>
    public async Task CloseAsync(Guid id, Guid instanceId)
    {
        var cancel = await Admin.PostJsonAsync($"/api/engine/process-instances/{instanceId}/cancel", new { reason = "test: clôture" });
        cancel.StatusCode.Should().Be(HttpStatusCode.NoContent, await cancel.Content.ReadAsStringAsync());
        await Host.Services.GetRequiredService<ComplaintRegister>().UpdateAsync(id, "resp.reclamations", "Clôture", c =>
        {
            c.Status = ComplaintStatus.Closed;
            c.ClosedAt = Now;
            c.Outcome = "unfounded";
            c.AnsweredAt = Now;
            c.AnswerSummary = "Réponse motivée adressée à Mme Durand.";
            c.DeadlineBreaches = ["acknowledgement"];
        });
    }

    public async Task AdvanceAsync(string duration)
    {
        var response = await Admin.PostJsonAsync("/api/engine/clock/advance", new { duration });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonNode> VerifyAsync()
    {
        var response = await Officer.GetAsync("/api/audit/verify");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public IDbContextFactory<DomainDbContext> Factory => Host.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>();

    public void Dispose() => Host.DisposeAndDelete();
}
