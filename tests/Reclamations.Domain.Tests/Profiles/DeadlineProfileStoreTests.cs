using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Profiles;

public sealed class DeadlineProfileStoreTests
{
    [Fact]
    public async Task The_built_in_profiles_and_categories_are_seeded_once()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var store = new DeadlineProfileStore(database.Factory, database.Clock);

        (await store.ListAsync()).Should().BeEquivalentTo(DeadlineProfiles.Defaults);
        (await store.GetAsync("LU-CAA")).Should().Be(DeadlineProfiles.LuCaa);
        await DomainDbMigrateAgain(database);
        (await store.ListAsync()).Should().HaveCount(2);
        await using var db = database.Open();
        (await db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync()).Should().Equal(
            "product", "adviceQuality", "distribution", "contractOperations", "kycCompliance", "regulation", "conflictsOfInterest");
    }

    [Fact]
    public async Task A_profile_can_be_edited_and_a_firm_profile_added_and_used_for_registration()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var store = new DeadlineProfileStore(database.Factory, database.Clock);
        var edited = DeadlineProfiles.LuCaa with { ResponsePeriod = DeadlinePeriod.OfDays(45) };
        var firm = DeadlineProfiles.FrAcpr with { Code = "FR-30J", Name = "Objectif interne 30 jours", ResponsePeriod = DeadlinePeriod.OfDays(30) };

        await store.SaveAsync(edited, "owner");
        await store.SaveAsync(firm, "owner");

        (await store.GetAsync("LU-CAA")).ResponsePeriod.Should().Be(DeadlinePeriod.OfDays(45));
        (await store.ListAsync()).Select(p => p.Code).Should().Equal("FR-30J", "FR-ACPR", "LU-CAA");
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(profile: "FR-30J"), "sophie");
        complaint.ResponseDueDate.Should().Be(new DateOnly(2026, 4, 1));
        await using var db = database.Open();
        (await db.DeadlineProfiles.SingleAsync(p => p.Code == "FR-30J")).UpdatedAt.Should().Be(database.Clock.GetUtcNow());
    }

    public static TheoryData<string, Func<DeadlineProfile, DeadlineProfile>> BadProfiles => new()
    {
        { "responsePeriod.count", p => p with { ResponsePeriod = DeadlinePeriod.OfDays(0) } },
        { "externalRecourseUntil.count", p => p with { ExternalRecourseUntil = DeadlinePeriod.OfMonths(-1) } },
        { "secondLevelPeriod.unit", p => p with { SecondLevelPeriod = new DeadlinePeriod(10, (DeadlineUnit)9) } },
        { "acknowledgementWorkingDays", p => p with { AcknowledgementWorkingDays = 0 } },
        { "timeZoneId", p => p with { TimeZoneId = "Mars/Olympus_Mons" } },
        { "code", p => p with { Code = "FR ACPR!" } },
        { "name", p => p with { Name = " " } },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task An_invalid_profile_names_the_field_and_stores_nothing(string field, Func<DeadlineProfile, DeadlineProfile> spoil)
    {
        await using var database = await DomainDatabase.CreateAsync();
        var store = new DeadlineProfileStore(database.Factory, database.Clock);

        var act = () => store.SaveAsync(spoil(DeadlineProfiles.LuCaa), "owner");

        (await act.Should().ThrowAsync<DeadlineProfileValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal(field);
        (await store.GetAsync("LU-CAA")).Should().Be(DeadlineProfiles.LuCaa);
        (await store.ListAsync()).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var store = new DeadlineProfileStore(database.Factory, database.Clock);

        (await store.Invoking(s => s.GetAsync("XX")).Should().ThrowAsync<DeadlineProfileNotFoundException>())
            .Which.Message.Should().Contain("XX");
    }

    private static Task DomainDbMigrateAgain(DomainDatabase database) =>
        Reclamations.Domain.Persistence.DomainDb.MigrateAsync(database.Factory, database.Clock);

    [Fact]
    public async Task Upgrading_a_database_seeded_before_delay_letters_counted_marks_the_stored_LU_profile_only()
    {
        await using var database = await DomainDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            // As the profiles were stored before the flag existed.
            await db.Database.ExecuteSqlRawAsync("""UPDATE "DeadlineProfiles" SET "Json" = json_remove("Json", '$.delayExtendsExternalRecourse')""");
            await db.Database.ExecuteSqlRawAsync($"""DELETE FROM "{DomainDbContext.MigrationsHistoryTable}" WHERE "MigrationId" LIKE '%_DelayLetterExpectedDate'""");
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Complaints" DROP COLUMN "AnswerExpectedOn" """);
        }
        var store = new DeadlineProfileStore(database.Factory, database.Clock);
        (await store.GetAsync("LU-CAA")).DelayExtendsExternalRecourse.Should().BeFalse();

        await DomainDb.MigrateAsync(database.Factory, database.Clock);

        (await store.GetAsync("LU-CAA")).Should().Be(DeadlineProfiles.LuCaa);
        (await store.GetAsync("FR-ACPR")).DelayExtendsExternalRecourse.Should().BeFalse();
    }
}
