using Microsoft.Playwright;
using Reclamations.Browser.Tests.Support;

namespace Reclamations.Browser.Tests.Admin;

/// <summary>The administrator adds a category mapped to one of the seven CAA types; the page passes the accessibility check
/// and a category in use offers no "Supprimer" button.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CategoriesPageTests(BrowserApp app)
{
    [Fact]
    public async Task The_administrator_adds_a_category_mapped_to_a_CAA_type()
    {
        var admin = await app.SignInAsync("admin@demo.local");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Catégories" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Catégories de réclamation", Level = 1 }).WaitForAsync();
        await admin.ShouldBeAccessibleAsync("categories");

        await admin.GetByLabel("Code (lettres et chiffres, sans espace)").FillAsync("claimsDelayBrowser");
        await admin.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Lenteur de règlement");
        await admin.GetByLabel("Type de réclamation du reporting CAA").SelectOptionAsync("contractOperations");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Ajouter la catégorie" }).ClickAsync();

        (await admin.GetByRole(AriaRole.Status).InnerTextAsync()).Should().Contain("claimsDelayBrowser");
        var row = admin.Locator("table.data tbody tr").Filter(new() { HasText = "claimsDelayBrowser" });
        (await row.GetByLabel("Type CAA de claimsDelayBrowser").InputValueAsync()).Should().Be("contractOperations");
        (await admin.Locator("ul li").Filter(new() { HasText = "Créée « claimsDelayBrowser »" }).CountAsync()).Should().Be(1);
    }
}
