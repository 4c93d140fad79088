using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Register;

/// <summary>The register's server-side page: total, sort on indexed columns, search, page bounds refused clearly.</summary>
public sealed class RegisterPageTests
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_page_gives_its_rows_in_order_and_the_total_of_the_whole_selection()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var refs = new List<string>();
        for (var day = 1; day <= 7; day++)
            refs.Add((await register.RegisterAsync(Complaints.Valid(new DateTimeOffset(2026, 2, day, 10, 0, 0, Paris)), "sophie")).Reference);

        var newest = await register.PageAsync(new RegisterPageQuery { Take = 3 });
        newest.Total.Should().Be(7);
        newest.Items.Select(c => c.Reference).Should().Equal(refs[6], refs[5], refs[4]);

        var second = await register.PageAsync(new RegisterPageQuery { Take = 3, Skip = 3, Sort = RegisterSort.Reference, Descending = false });
        second.Items.Select(c => c.Reference).Should().Equal(refs[3], refs[4], refs[5]);
        second.Total.Should().Be(7);

        var filtered = await register.PageAsync(new RegisterPageQuery
        {
            Filter = new ComplaintFilter { ReceivedFrom = new DateOnly(2026, 2, 6) }, Sort = RegisterSort.ReceivedAt, Descending = false,
        });
        filtered.Items.Select(c => c.Reference).Should().Equal(refs[5], refs[6]);
        filtered.Total.Should().Be(2);
    }

    [Fact]
    public async Task The_search_looks_in_the_reference_the_complainant_and_the_subject()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var first = await register.RegisterAsync(Complaints.Valid(), "sophie");
        await register.RegisterAsync(Complaints.Valid(), "sophie");

        (await register.PageAsync(new RegisterPageQuery { Search = first.Reference })).Items.Should().ContainSingle()
            .Which.Id.Should().Be(first.Id);
        (await register.PageAsync(new RegisterPageQuery { Search = first.Complainant.Name.ToUpperInvariant() })).Total.Should().Be(2);
        (await register.PageAsync(new RegisterPageQuery { Search = "aucune-correspondance" })).Total.Should().Be(0);
    }

    [Theory]
    [InlineData(-1, 10, "skip")]
    [InlineData(0, 0, "take")]
    [InlineData(0, RegisterPageQuery.MaxTake + 1, "take")]
    public async Task A_page_out_of_bounds_is_refused_naming_the_parameter(int skip, int take, string field)
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var refused = await FluentActions.Awaiting(() => register.PageAsync(new RegisterPageQuery { Skip = skip, Take = take }))
            .Should().ThrowAsync<RegisterValidationException>();
        refused.Which.Errors.Should().ContainSingle().Which.Field.Should().Be(field);
    }
}
