using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Reclamations.Web.Tests.Compliance;

/// <summary>The inspector's export (one case file as one ZIP: PDF letters, documents, timeline, manifest) and the
/// complainant's right of access (RGPD art. 15), both audited, litigation letters only for their readers.</summary>
public sealed class ExportTests
{
    private static Dictionary<string, byte[]> Unzip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static void ManifestMatches(Dictionary<string, byte[]> files)
    {
        var manifest = JsonNode.Parse(files["manifeste.json"])!;
        var listed = manifest["files"]!.AsArray();
        listed.Select(f => (string)f!["path"]!).Should().BeEquivalentTo(files.Keys.Where(k => k != "manifeste.json"));
        foreach (var f in listed)
        {
            var content = files[(string)f!["path"]!];
            ((string)f["sha256"]!).Should().Be(Convert.ToHexStringLower(SHA256.HashData(content)), (string)f["path"]!);
            ((long)f["size"]!).Should().Be(content.LongLength);
        }
    }

    [Fact]
    public async Task The_inspector_gets_the_case_file_as_one_zip_with_pdf_letters_and_a_manifest()
    {
        using var app = new ComplianceCase();
        var (id, _) = await app.RegisterAsync("claire.durand@example.org");
        await app.AddDocumentAsync(id, "lettre-originale.txt", "Ma réclamation écrite."u8.ToArray());
        await app.AddLetterAsync(id, "accuse-reception", "Madame, nous accusons réception de votre réclamation du 2 mars.");
        await app.AddLetterAsync(id, "declaration-assureur-rcp", "Déclaration de sinistre à l'assureur RCP.", ["LegalPartner", "Direction"]);

        var response = await app.Officer.GetAsync($"/api/complaints/{id}/inspector-export");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());
        ManifestMatches(files);
        files.Keys.Should().Contain(["dossier.json", "chronologie.csv", "documents/lettre-originale.txt"]);
        Encoding.UTF8.GetString(files["documents/lettre-originale.txt"]).Should().Be("Ma réclamation écrite.");
        var pdfs = files.Keys.Where(k => k.StartsWith("courriers/", StringComparison.Ordinal)).ToList();
        pdfs.Should().ContainSingle("the litigation letter is for LegalPartner and Direction only").Which.Should().EndWith("accuse-reception.pdf");
        using (var pdf = PdfDocument.Open(files[pdfs[0]]))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            text.Should().Contain("nous accusons réception de votre réclamation").And.Contain("Objet : accuse-reception");
        }

        Encoding.UTF8.GetString(files["chronologie.csv"]).Should().Contain("Enregistrement").And.Contain("Document ajouté");
        var direction = Unzip(await (await app.Direction.GetAsync($"/api/complaints/{id}/inspector-export")).Content.ReadAsByteArrayAsync());
        direction.Keys.Count(k => k.StartsWith("courriers/", StringComparison.Ordinal)).Should().Be(2, "Direction reads the litigation letters");
        await using var db = await app.Factory.CreateDbContextAsync();
        (await db.AuditEntries.CountAsync(a => a.ComplaintId == id && a.Action == "Export du dossier pour contrôle" && a.User == "resp.reclamations"))
            .Should().Be(1);
    }

    [Fact]
    public async Task The_right_of_access_exports_everything_held_about_one_complainant()
    {
        using var app = new ComplianceCase();
        var (first, _) = await app.RegisterAsync("claire.durand@example.org");
        var (second, _) = await app.RegisterAsync("Claire.Durand@example.org");
        var (other, _) = await app.RegisterAsync("jean.petit@example.org");
        await app.AddDocumentAsync(first, "piece.txt", "Pièce jointe"u8.ToArray());
        await app.AddLetterAsync(second, "accuse-reception", "Madame Durand, nous accusons réception.");

        var missing = await app.Officer.GetAsync("/api/compliance/access-export");
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("email");
        (await app.Officer.GetAsync("/api/compliance/access-export?email=nobody@example.org")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var response = await app.Officer.GetAsync("/api/compliance/access-export?email=claire.durand@example.org");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());
        ManifestMatches(files);
        var data = JsonNode.Parse(files["donnees.json"])!;
        var complaints = data["complaints"]!.AsArray();
        complaints.Select(c => Guid.Parse((string)c!["complaint"]!["id"]!)).Should().BeEquivalentTo([first, second]);
        Encoding.UTF8.GetString(files["donnees.json"]).Should().Contain("nous accusons réception").And.Contain("\"kind\": \"Client\"").And.Contain("Enregistrement").And.NotContain("jean.petit");
        files.Keys.Should().Contain(k => k.EndsWith("/piece.txt", StringComparison.Ordinal));
        await using var db = await app.Factory.CreateDbContextAsync();
        var audited = await db.AuditEntries.Where(a => a.Action == "Export du droit d'accès (RGPD art. 15)").Select(a => a.ComplaintId).ToListAsync();
        audited.Should().BeEquivalentTo([first, second]);
        audited.Should().NotContain(other);
    }

    [Fact]
    public async Task An_altered_audit_row_in_the_database_file_is_named_by_the_verification()
    {
        using var app = new ComplianceCase();
        var (id, _) = await app.RegisterAsync("claire.durand@example.org");
        (await app.VerifyAsync())["valid"]!.GetValue<bool>().Should().BeTrue();
        long rowId, sequence;
        await using (var db = await app.Factory.CreateDbContextAsync())
        {
            var row = await db.AuditEntries.AsNoTracking().Where(a => a.ComplaintId == id && a.Action == "Enregistrement").SingleAsync();
            (rowId, sequence) = (row.Id, row.Sequence!.Value);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.Host.Folder, "app.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"UPDATE AuditEntries SET Details = replace(Details, 'claire.durand@example.org', 'x@example.org') WHERE Id = {rowId}";
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var result = await app.VerifyAsync();
        result["valid"]!.GetValue<bool>().Should().BeFalse();
        result["firstBreak"]!["id"]!.GetValue<long>().Should().Be(rowId);
        result["firstBreak"]!["sequence"]!.GetValue<long>().Should().Be(sequence);
        ((string)result["firstBreak"]!["problem"]!).Should().Be("value 'complainant.email/new' differs from its digest");
    }
}
