using Microsoft.Playwright;
using MiniExcelLibs;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Register;

/// <summary>The register in the browser: rows, sorting, a valid XLSX export, personal data masked for the process owner,
/// refused to a role that does not read it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_reads_sorts_and_exports_the_register_as_a_valid_xlsx()
    {
        var page = await app.SignInAsync("officer@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registre" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Registre des réclamations" }).WaitForAsync();
        var references = await page.Locator("table.data tbody tr td:first-child").AllInnerTextsAsync();
        references.Should().Contain(["REC-2026-00001", "REC-2026-00002"]);
        (await page.Locator("table.data tbody").InnerTextAsync()).Should().Contain("Mme Claire Durand");
        await page.ShouldBeAccessibleAsync("registre");

        await page.GetByRole(AriaRole.Link, new() { Name = "Référence" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("tri=Reference"));
        var ascending = await page.Locator("table.data tbody tr td:first-child").AllInnerTextsAsync();
        ascending.Should().BeInAscendingOrder(StringComparer.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Excel (XLSX)" }).ClickAsync());
        download.SuggestedFilename.Should().Be("registre-des-reclamations.xlsx");
        var rows = (await MiniExcel.QueryAsync(await download.PathAsync(), useHeaderRow: true, excelType: ExcelType.XLSX)).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["Référence"]?.ToString()).Should().Contain(["REC-2026-00001", "REC-2026-00002"]);
        rows.First(r => r["Référence"]?.ToString() == "REC-2026-00001")["Réclamant"].Should().Be("Mme Claire Durand");
        rows.First()["Statut"].Should().NotBeNull();
    }

    [Fact]
    public async Task The_process_owner_reads_the_register_without_personal_data()
    {
        var page = await app.SignInAsync("owner@demo.local");
        await page.GotoAsync("/registre");
        var body = await page.Locator("table.data tbody").InnerTextAsync();
        body.Should().Contain("REC-2026-00001").And.Contain("(masqué)").And.NotContain("Claire Durand");
    }

    [Fact]
    public async Task The_administrator_does_not_read_the_register()
    {
        var page = await app.SignInAsync("admin@demo.local");
        var response = await page.GotoAsync("/registre");
        page.Url.Should().Contain("/acces-refuse");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Should().Be("Accès refusé");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Registre" }).CountAsync()).Should().Be(0);
        response.Should().NotBeNull();
    }
}
