using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reclamations.Browser.Tests.Support;

/// <summary>axe-core on the page as it is: no serious or critical violation (WCAG 2.1 A/AA rules), and a screenshot.</summary>
internal static class Accessibility
{
    public static async Task ShouldBeAccessibleAsync(this IPage page, string screenshotName)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserApp.ScreenshotFolder, screenshotName + ".png"), FullPage = true,
        });
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        serious.Should().BeEmpty($"axe-core found no serious violation on {page.Url}");
    }
}
