using System.Text.Json;
using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Reports;

/// <summary>The tableau de bord in the browser on the demo register: its charts drawn, its tables equal to the API's figures,
/// a table's link opening the register filtered the same way, no serious accessibility violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_officer_sees_the_charts_their_tables_match_the_api_and_a_link_opens_the_filtered_register()
    {
        var page = await app.SignInAsync("officer@demo.local");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 }).WaitForAsync();
        await page.Locator("body[data-dashboard-ready='true']").WaitForAsync();

        var canvases = page.Locator("canvas[data-chart]");
        (await canvases.CountAsync()).Should().Be(12);
        foreach (var canvas in await canvases.AllAsync())
            (await canvas.EvaluateAsync<int>("c => c.width * c.height")).Should().BePositive("Chart.js drew every chart");

        var api = await page.APIRequest.GetAsync("/api/reports/dashboard");
        api.Ok.Should().BeTrue();
        using var figures = JsonDocument.Parse(await api.TextAsync());
        var products = figures.RootElement.GetProperty("byProduct").EnumerateArray()
            .Select(p => $"{p.GetProperty("label").GetString()}={p.GetProperty("value").GetInt32()}").ToList();
        var rows = await page.Locator("table[data-chart='products'] tbody tr").AllAsync();
        var table = new List<string>();
        foreach (var row in rows)
            table.Add($"{await row.Locator("th").InnerTextAsync()}={await row.Locator("td").InnerTextAsync()}");
        table.Should().Equal(products);
        products.Should().Contain("Assurance vie=1");
        var received = figures.RootElement.GetProperty("received").GetInt32();
        var totals = await page.Locator("table[data-chart='received-category'] tbody tr td:last-child").AllInnerTextsAsync();
        totals.Sum(int.Parse).Should().Be(received);
        await page.ShouldBeAccessibleAsync("dashboard");

        await page.Locator("table[data-chart='products'] tbody tr", new() { HasText = "Assurance vie" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/registre") && url.Contains("produit=Assurance"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Registre des réclamations" }).WaitForAsync();
        var references = await page.Locator("table.data tbody tr td:first-child").AllInnerTextsAsync();
        references.Should().Equal("REC-2026-00002");
        (await page.Locator(".active-filters").InnerTextAsync()).Should().Contain("Assurance vie");
    }

    [Fact]
    public async Task Staff_has_no_dashboard_link_and_is_refused_the_page()
    {
        var page = await app.SignInAsync("staff@demo.local");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).CountAsync()).Should().Be(0);
        await page.GotoAsync("/tableau-de-bord");
        page.Url.Should().Contain("/acces-refuse");
    }
}
