using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;
using UglyToad.PdfPig;

namespace Reclamations.Browser.Tests.Reports;

/// <summary>The annual synthesis in the browser: the printable page renders its charts (server-drawn PNG) with their tables,
/// the PDF generated from it downloads and reads back; the documents page lists it with its hash.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualSynthesisPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_prints_the_synthesis_page_and_downloads_its_pdf()
    {
        var page = await app.SignInAsync("officer@demo.local");
        var year = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year; // the demo complaints are received today
        await page.GotoAsync($"/rapports/synthese-annuelle?annee={year}&profil=FR");

        await page.GetByRole(AriaRole.Heading, new() { Name = $"Synthèse annuelle des réclamations {year}" }).WaitForAsync();
        var charts = page.Locator("figure.report-chart img");
        (await charts.CountAsync()).Should().Be(4);
        foreach (var chart in await charts.AllAsync())
            (await chart.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0")).Should().Be(900, "each chart is a drawn PNG");
        (await page.Locator("table.data").CountAsync()).Should().BeGreaterThan(8, "every chart has its table");
        (await page.Locator("table.data").First.InnerTextAsync()).Should().Contain("Réclamations reçues");
        await page.ShouldBeAccessibleAsync("synthese-annuelle");
        await charts.First.EvaluateAsync("img => img.closest('figure').scrollIntoView()");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotFolder, "annual-synthesis.png"), FullPage = false });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le PDF" }).ClickAsync());

        download.SuggestedFilename.Should().Be($"synthese-annuelle-{year}-FR.pdf");
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await download.PathAsync())!)))
            string.Join(" ", pdf.GetPages().Select(p => p.Text)).Should().Contain($"Synthèse annuelle des réclamations {year}");
        await page.GotoAsync($"/rapports?annee={year}&profil=FR");
        (await page.Locator("table.data").Last.InnerTextAsync())
            .Should().Contain("Synthèse annuelle (PDF)").And.Contain("Claire Martin", "who generated it, by name");
        await page.ShouldBeAccessibleAsync("rapports");
    }
}
