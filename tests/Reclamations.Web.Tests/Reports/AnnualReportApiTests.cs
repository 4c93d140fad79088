using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Reclamations.Web.Tests.Reports;

/// <summary>The annual documents through the API: the synthesis PDF read back (PdfPig), the CAA and insurer workbooks read
/// back (MiniExcel), each stored with its SHA-256, who and when; no complainant's name anywhere; who may do what.</summary>
public sealed class AnnualReportApiTests : IDisposable
{
    private readonly WebHost _host = new();
    private readonly HttpClient _officer;
    private readonly int _year;

    public AnnualReportApiTests()
    {
        _officer = _host.ClientAs("resp.reclamations", "ComplaintsOfficer");
        _year = Now.Year - 1;
    }

    public void Dispose() => _host.DisposeAndDelete();

    private DateTimeOffset Now => _host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private ComplaintRegister Register => _host.Services.GetRequiredService<ComplaintRegister>();

    private async Task<Complaint> RegisterAsync(int month, string profile, string category, string insurer, string name, string contract)
    {
        var complaint = await Register.RegisterAsync(new NewComplaint
        {
            Complainant = new NewComplainant { Name = name, Kind = ComplainantKind.Client, Email = "client@example.org" },
            ReceivedAt = new DateTimeOffset(_year, month, 10, 10, 0, 0, TimeSpan.FromHours(2)), Channel = ComplaintChannel.Email,
            Subject = "Réclamation sur le contrat", Category = category, Profile = profile, Insurer = insurer, ContractReference = contract,
            ProductOrService = "Assurance habitation",
        }, "staff.user");
        return await Register.UpdateAsync(complaint.Id, "staff.user", "test", c =>
        {
            c.AcknowledgedAt = c.ReceivedAt.AddDays(2);
            c.AnsweredAt = c.ReceivedAt.AddDays(12);
            c.Outcome = "founded";
        });
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task The_synthesis_pdf_holds_the_figures_charts_and_analysis_and_is_stored_with_its_hash()
    {
        await RegisterAsync(5, "FR-ACPR", "adviceQuality", "Assureur Alpha", "Claire Durand", "HAB-1");
        await RegisterAsync(6, "FR-ACPR", "product", "Assureur Alpha", "Jean Petit", "HAB-2");
        var saved = await _officer.PutAsJsonAsync("/api/reports/annual/analysis",
            new { year = _year, profile = "FR", text = "Deux réclamations fondées : la fiche produit est revue.", version = 0 });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await _officer.PutAsJsonAsync("/api/reports/annual/analysis", new { year = _year, profile = "FR", text = "Texte concurrent", version = 0 }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "version 1 was saved meanwhile");

        var response = await _officer.GetAsync($"/api/reports/annual.pdf?year={_year}&profile=FR");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var pdf = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            text.Should().Contain($"Synthèse annuelle des réclamations {_year}").And.Contain("Qualité du dispositif")
                .And.Contain("Mesures correctives").And.Contain("la fiche produit est revue").And.Contain("Analyse version 1");
            text.Should().NotContain("Claire Durand").And.NotContain("Jean Petit");
            pdf.GetPages().Sum(p => p.GetImages().Count()).Should().BeGreaterThanOrEqualTo(4, "the four charts are drawn into the PDF");
        }

        response.Headers.GetValues("X-Content-SHA256").Single().Should().Be(Sha(bytes));
        var listed = await (await _officer.GetAsync("/api/reports/annual/documents")).JsonAsync();
        var row = listed.AsArray().Should().ContainSingle().Subject!;
        ((string)row["sha256"]!).Should().Be(Sha(bytes));
        ((string)row["generatedBy"]!).Should().Be("resp.reclamations");
        ((string)row["kind"]!).Should().Be("synthesis-pdf");
        ((int)row["analysisVersion"]!).Should().Be(1);
        var stored = await _officer.GetAsync($"/api/reports/annual/documents/{(string)row["id"]!}");
        Sha(await stored.Content.ReadAsByteArrayAsync()).Should().Be(Sha(bytes), "the stored document is the one sent");

        var again = await (await _officer.GetAsync($"/api/reports/annual.pdf?year={_year}&profile=FR")).Content.ReadAsByteArrayAsync();
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync();
        (await db.AnnualDocuments.Select(d => d.FiguresSha256).Distinct().CountAsync()).Should().Be(1, "the same year gives the same figures");
        (await db.AnnualDocuments.CountAsync()).Should().Be(1, "asking again for an unchanged report adds no row");
        Sha(again).Should().Be(Sha(bytes), "the stored document is given again");
    }

    [Fact]
    public async Task The_caa_workbook_counts_the_year_by_the_seven_types_without_personal_data()
    {
        var lu = await RegisterAsync(3, "LU-CAA", "kycCompliance", "Lux Assurances", "Anne Muller", "LU-7");
        await RegisterAsync(4, "FR-ACPR", "product", "Assureur Alpha", "Claire Durand", "HAB-1");

        var response = await _officer.GetAsync($"/api/reports/annual.xlsx?year={_year}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        MiniExcel.GetSheetNames(stream).Should().Equal("Nombre", "Classement", "Réclamations", "Synthèse", "Mesures");
        var types = stream.Query(useHeaderRow: true, sheetName: "Classement").Cast<IDictionary<string, object>>().ToList();
        types.Should().HaveCount(7);
        types.Single(t => (string)t["Code"] == "kycCompliance")["Nombre"].Should().Be(1d);
        types.Where(t => (string)t["Code"] != "kycCompliance").Should().OnlyContain(t => Equals(t["Nombre"], 0d), "the FR complaint is not in the LU reporting");
        var complaints = stream.Query(useHeaderRow: true, sheetName: "Réclamations").Cast<IDictionary<string, object>>().ToList();
        complaints.Should().ContainSingle().Which["Référence"].Should().Be(lu.Reference);
        var cells = MiniExcel.GetSheetNames(stream).SelectMany(s => stream.Query(sheetName: s)).Cast<IDictionary<string, object>>()
            .SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        cells.Should().NotContain(v => v.Contains("Muller") || v.Contains("Durand"));

        var pdf = await _officer.GetAsync($"/api/reports/annual/caa.pdf?year={_year}");
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", document.GetPages().Select(p => p.Text));
        text.Should().Contain("Classement des réclamations enregistrées").And.Contain("KYC client et compliance").And.Contain(lu.Reference);
    }

    [Fact]
    public async Task An_insurer_gets_its_contracts_complaints_only_without_names()
    {
        var alpha1 = await RegisterAsync(2, "FR-ACPR", "product", "Assureur Alpha", "Claire Durand", "HAB-1");
        var alpha2 = await RegisterAsync(8, "LU-CAA", "distribution", "assureur alpha ", "Anne Muller", "HAB-9");
        var beta = await RegisterAsync(9, "FR-ACPR", "product", "Assureur Beta", "Jean Petit", "BET-3");
        var action = await Register.AddCorrectiveActionAsync(alpha1.Id, "resp.reclamations", "Revoir les conditions générales");
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<DomainDbContext>>().CreateDbContextAsync())
        {
            // Decided during the year (the clock cannot go back): the report shows the register as it stood at the year's end.
            (await db.CorrectiveActions.SingleAsync(a => a.Id == action.Id)).CreatedAt = new DateTimeOffset(_year, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));
            await db.SaveChangesAsync();
        }

        var response = await _officer.GetAsync($"/api/reports/insurers/{Uri.EscapeDataString("Assureur Alpha")}.xlsx?year={_year}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => (string)r["Référence"]).Should().BeEquivalentTo(new[] { alpha1.Reference, alpha2.Reference });
        rows.Select(r => (string)r["Contrat"]).Should().BeEquivalentTo(new[] { "HAB-1", "HAB-9" });
        rows.Single(r => (string)r["Référence"] == alpha1.Reference)["Actions correctives"].Should().Be("Procédure : Revoir les conditions générales (Prévue)");
        rows.Should().OnlyContain(r => (string)r["Réponse dans le délai"] == "Oui");
        var values = rows.SelectMany(r => r.Values).Select(v => v?.ToString() ?? "").ToList();
        values.Should().NotContain(v => v.Contains(beta.Reference) || v.Contains("BET-3") || v.Contains("Durand") || v.Contains("Muller"));
        var insurers = await (await _officer.GetAsync($"/api/reports/insurers?year={_year}")).JsonAsync();
        insurers.AsArray().Select(i => ((string)i!["insurer"]!, (int)i["complaints"]!)).Should().BeEquivalentTo(new[] { ("Assureur Alpha", 2), ("Assureur Beta", 1) });
    }

    [Fact]
    public async Task The_figures_have_no_personal_data_and_bad_input_is_named()
    {
        await RegisterAsync(5, "FR-ACPR", "adviceQuality", "Assureur Alpha", "Claire Durand", "HAB-1");
        var owner = _host.ClientAs("owner", "ProcessOwner");

        var response = await owner.GetAsync($"/api/reports/annual?year={_year}&profile=FR-ACPR");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        json.Should().Contain("\"received\":1").And.NotContain("Durand").And.NotContain("client@example.org");
        var bad = await owner.GetAsync($"/api/reports/annual?year={_year}&profile=XX");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("profile").And.Contain("XX");
        (await owner.GetAsync($"/api/reports/annual?year={Now.Year + 1}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _officer.GetAsync($"/api/reports/annual/charts/nope.png?year={_year}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var outOfRange = await _officer.GetAsync("/api/root-causes/analysis?from=0001-01-01");
        outOfRange.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await outOfRange.Content.ReadAsStringAsync()).Should().Contain("from").And.Contain("entre 2000 et 2100");
        var chart = await _officer.GetAsync($"/api/reports/annual/charts/delais.png?year={_year}&profile=FR");
        chart.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await chart.Content.ReadAsByteArrayAsync()).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
    }

    [Fact]
    public async Task The_officer_gives_causes_to_a_complaint_and_direction_reads_the_analysis()
    {
        var complaint = await RegisterAsync(5, "FR-ACPR", "adviceQuality", "Assureur Alpha", "Claire Durand", "HAB-1");
        var created = await _officer.PostJsonAsync("/api/root-causes", new { code = "doc-gap", label = "Documentation incomplète", affectedProcedures = "Souscription" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var direction = _host.ClientAs("direction", "Direction");
        (await direction.PutAsJsonAsync($"/api/complaints/{complaint.Id}/root-causes", new { rootCauses = new[] { "doc-gap" } }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var set = await _officer.PutAsJsonAsync($"/api/complaints/{complaint.Id}/root-causes", new { rootCauses = new[] { "doc-gap" }, systemic = true });

        set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        (await _officer.PutAsJsonAsync($"/api/complaints/{complaint.Id}/root-causes", new { rootCauses = new[] { "inconnue" } }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var analysis = await (await direction.GetAsync($"/api/root-causes/analysis?from={_year}-01-01&to={_year}-12-31")).JsonAsync();
        var cause = analysis["causes"]!.AsArray().Should().ContainSingle().Subject!;
        ((int)cause["count"]!).Should().Be(1);
        ((int)cause["systemicCount"]!).Should().Be(1);
        var audit = (await Register.GetAsync(complaint.Id)).Audit.Last();
        (audit.Action, audit.User).Should().Be(("Analyse des causes", "resp.reclamations"));
    }
}
