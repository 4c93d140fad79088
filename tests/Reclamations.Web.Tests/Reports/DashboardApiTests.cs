using System.Net;
using Reclamations.Web.Tests.Complaints;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Reports;

/// <summary><c>GET /api/reports/dashboard</c> and <c>/tableau-de-bord</c>: for the complaints officer, Direction, the process owner
/// and the administrator only; bad filters are problem details naming the field; figures only (no complainant's data).</summary>
public sealed class DashboardApiTests : IDisposable
{
    private readonly WebHost _host = WebHost.WithRealWorkflows();

    public void Dispose() => _host.DisposeAndDelete();

    [Theory]
    [InlineData("Staff")]
    [InlineData("Reviewer")]
    [InlineData("LegalPartner")]
    public async Task Other_roles_are_refused_the_figures_and_the_page(string role)
    {
        using var client = _host.ClientAs("someone." + role.ToLowerInvariant(), role);
        (await client.GetAsync("/api/reports/dashboard")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var page = _host.PageClientAs("page." + role.ToLowerInvariant(), role);
        (await page.GetAsync("/tableau-de-bord")).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-06-01&to=2026-05-01", "to")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("profile=XX-NONE", "profile")]
    [InlineData("category=nope", "category")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field)
    {
        using var officer = _host.ClientAs("resp.reclamations", "ComplaintsOfficer");
        var response = await officer.GetAsync("/api/reports/dashboard?" + query);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Should().Contain(field);
    }

    [Fact]
    public async Task The_figures_count_the_register_by_profile_and_carry_no_personal_data()
    {
        using var staff = _host.ClientAs("julie.roux", "Staff");
        var now = (await (await staff.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        (await staff.PostJsonAsync("/api/complaints", ComplaintRequests.New("FR-ACPR", now))).EnsureSuccessStatusCode();
        (await staff.PostJsonAsync("/api/complaints", ComplaintRequests.New("LU-CAA", now))).EnsureSuccessStatusCode();

        using var direction = _host.ClientAs("direction", "Direction");
        var all = await direction.GetAsync("/api/reports/dashboard");
        all.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await all.Content.ReadAsStringAsync();
        text.Should().NotContain("Durand").And.NotContain("claire.durand@example.org").And.NotContain("Nancy");
        var figures = await all.JsonAsync();
        figures["received"]!.GetValue<int>().Should().Be(2);
        figures["months"]!.AsArray().Should().HaveCount(12);
        var luxembourg = await (await direction.GetAsync("/api/reports/dashboard?profile=LU-CAA")).JsonAsync();
        luxembourg["received"]!.GetValue<int>().Should().Be(1);
        luxembourg["filter"]!["profile"]!.GetValue<string>().Should().Be("LU-CAA");
    }
}
