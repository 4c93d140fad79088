using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

public sealed class CategoryCatalogTests
{
    [Fact]
    public async Task The_defaults_are_the_seven_CAA_types_of_seed_004_each_mapped_to_itself()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var catalog = new CategoryCatalog(database.Factory, database.Clock);

        var categories = await catalog.ListAsync();

        // Seed 004: « KMC a répertorié au moins 7 types de réclamation ».
        categories.Select(c => c.Code).Should().Equal("product", "adviceQuality", "distribution", "contractOperations", "kycCompliance",
            "regulation", "conflictsOfInterest");
        categories.Should().OnlyContain(c => c.CaaType == c.Code && c.IsActive);
        CaaComplaintTypes.Labels.Keys.Should().BeEquivalentTo(categories.Select(c => c.Code));
    }

    [Fact]
    public async Task Admin_adds_and_edits_a_category_mapped_to_a_CAA_type_and_every_edit_is_recorded()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var catalog = new CategoryCatalog(database.Factory, database.Clock);

        var created = await catalog.CreateAsync(new CategoryInput("claimsDelay", "Délai de règlement des sinistres", "contractOperations", null, null), "admin");
        created.SortOrder.Should().Be(80);
        var updated = await catalog.UpdateAsync("claimsDelay", new CategoryInput(null, "Lenteur des sinistres", "product", null, null), "admin2");

        updated.Label.Should().Be("Lenteur des sinistres");
        updated.CaaType.Should().Be("product");
        var history = await catalog.HistoryAsync();
        history.Select(h => (h.Action, h.User)).Should().Equal(("Modifiée", "admin2"), ("Créée", "admin"));
        history[0].Details.Should().Contain("contractOperations").And.Contain("product");
        // A new complaint can use it.
        var register = new ComplaintRegister(database.Factory, database.Clock);
        (await register.RegisterAsync(Complaints.Valid(category: "claimsDelay"), "sophie")).Category.Should().Be("claimsDelay");
    }

    [Fact]
    public async Task A_category_needs_a_known_CAA_type_a_label_and_a_free_code_and_nothing_is_stored_otherwise()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var catalog = new CategoryCatalog(database.Factory, database.Clock);

        var missing = await catalog.Invoking(c => c.CreateAsync(new CategoryInput("x1", " ", null, null, null), "admin"))
            .Should().ThrowAsync<RegisterValidationException>();
        missing.Which.Errors.Select(e => e.Field).Should().BeEquivalentTo("label", "caaType");
        var unknown = await catalog.Invoking(c => c.CreateAsync(new CategoryInput("product", "Autre", "pricing", null, null), "admin"))
            .Should().ThrowAsync<RegisterValidationException>();
        unknown.Which.Errors.Should().Contain(e => e.Field == "code" && e.Message.Contains("existe déjà"))
            .And.Contain(e => e.Field == "caaType" && e.Message.Contains("pricing"));
        await catalog.Invoking(c => c.UpdateAsync("product", new CategoryInput(null, null, "nope", null, null), "admin"))
            .Should().ThrowAsync<RegisterValidationException>();

        (await catalog.ListAsync()).Should().HaveCount(7).And.OnlyContain(c => c.CaaType == c.Code);
        (await catalog.HistoryAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_category_in_use_cannot_be_deleted_only_deactivated_and_then_no_new_complaint_takes_it()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var catalog = new CategoryCatalog(database.Factory, database.Clock);
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(category: "distribution"), "sophie");

        var refused = await catalog.Invoking(c => c.DeleteAsync("distribution", "admin")).Should().ThrowAsync<CategoryInUseException>();
        refused.Which.Message.Should().Contain("1 réclamation").And.Contain("désactivez");
        await catalog.UpdateAsync("distribution", new CategoryInput(null, null, null, null, false), "admin");

        (await catalog.ListAsync(includeInactive: false)).Select(c => c.Code).Should().NotContain("distribution");
        (await register.GetAsync(complaint.Id)).Complaint.Category.Should().Be("distribution");
        var again = await register.Invoking(r => r.RegisterAsync(Complaints.Valid(category: "distribution"), "sophie"))
            .Should().ThrowAsync<RegisterValidationException>();
        again.Which.Errors.Should().ContainSingle(e => e.Field == "category" && e.Message.Contains("plus active"));
        (await catalog.HistoryAsync()).Select(h => h.Action).Should().Equal("Désactivée");

        // An unused category can be deleted.
        await catalog.DeleteAsync("conflictsOfInterest", "admin");
        (await catalog.ListAsync()).Select(c => c.Code).Should().NotContain("conflictsOfInterest");
    }

    [Fact]
    public async Task The_migration_maps_the_categories_already_in_a_database_to_a_CAA_type()
    {
        await using var database = await DomainDatabase.CreateAsync();
        // Back to the schema before this part, with a category added by hand there.
        await using (var db = database.Open())
        {
            await db.GetInfrastructure().GetRequiredService<IMigrator>().MigrateAsync("20261201211533_Deadlines_StoredAndVersioned");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Categories (Code, Label, SortOrder) VALUES ('gdprAccess', 'Accès aux données (RGPD)', 90), ('misc', 'Divers', 100)");
        }
        await using (var db = database.Open()) await db.Database.MigrateAsync();

        var categories = (await new CategoryCatalog(database.Factory, database.Clock).ListAsync()).ToDictionary(c => c.Code);
        categories["adviceQuality"].CaaType.Should().Be("adviceQuality");
        categories["gdprAccess"].CaaType.Should().Be("regulation");
        categories["misc"].CaaType.Should().Be("contractOperations");
        categories.Values.Should().OnlyContain(c => c.IsActive);
    }
}
