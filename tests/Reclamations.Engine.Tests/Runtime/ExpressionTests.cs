using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class ExpressionTests
{
    private static string Routing(string condition) => Process("p", """
        <startEvent id="s" />
        <exclusiveGateway id="gw" default="f_gw_other" />
        <userTask id="yes" />
        <userTask id="other" />
        """ + Chain("s", "gw") + Flow("gw", "yes", condition) + Flow("gw", "other"));

    [Theory]
    [InlineData("client", "yes")]
    [InlineData("supplier", "other")]
    public async Task A_condition_reads_a_nested_object(string kind, string expected)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Routing("""${ complainant.kind == "client" }"""));

        var started = await h.StartAsync("p", Vars.Of(("complainant", new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["address"] = new Dictionary<string, object?> { ["country"] = "LU" },
        })));

        started.ActiveActivityIds.Should().Equal(expected);
    }

    [Fact]
    public async Task A_condition_reads_two_levels_deep_after_a_restart()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" />
            <exclusiveGateway id="gw" default="f_gw_other" />
            <userTask id="yes" />
            <userTask id="other" />
            """ + Chain("s", "t", "gw") + Flow("gw", "yes", """${ complainant.address.country == "LU" }""") + Flow("gw", "other")));
        var started = await h.StartAsync("p", Vars.Of(("complainant", new Dictionary<string, object?>
        {
            ["address"] = new Dictionary<string, object?> { ["country"] = "LU" },
        })));

        await h.RestartAsync();
        await h.CompleteAsync(started.Id, "t");

        (await h.InstanceAsync(started.Id)).ActiveActivityIds.Should().Equal("yes");
    }

    [Theory]
    [InlineData(10, "yes")]
    [InlineData(40, "other")]
    public async Task A_condition_compares_dates(int daysLater, string expected)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Routing("${ answeredAt <= deadline }"));
        var received = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

        var started = await h.StartAsync("p", Vars.Of(
            ("deadline", received.AddDays(30)),
            ("answeredAt", received.AddDays(daysLater))));

        started.ActiveActivityIds.Should().Equal(expected);
        (await h.InstanceAsync(started.Id)).Variables["deadline"].Should().Be(received.AddDays(30));
    }

    [Fact]
    public async Task An_unknown_variable_in_a_condition_fails_naming_the_variable_and_saves_nothing()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Routing("${ amount > 1000 }"));

        var act = () => h.Engine.StartProcessAsync("p", "REC-X", Vars.Of(("amont", 5L)), Actor.System);

        var error = (await act.Should().ThrowAsync<ProcessEngineException>()).Which;
        error.Message.Should().Contain("unknown variable 'amount'");
        error.Message.Should().Contain("'f_gw_yes'").And.Contain("'gw'", "the failure should say where the condition is");
        (await h.Engine.FindProcessInstancesAsync("REC-X")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_condition_that_is_not_a_boolean_fails_clearly()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Routing("${ amount }"));

        var act = () => h.Engine.StartProcessAsync("p", "REC-Y", Vars.Of(("amount", 5L)), Actor.System);

        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("boolean");
        (await h.Engine.FindProcessInstancesAsync("REC-Y")).Should().BeEmpty();
    }

    [Fact]
    public async Task An_assignee_expression_uses_string_concatenation_on_variables()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Process("p", """
            <startEvent id="s" />
            <userTask id="t" camunda:assignee="${ team + '-lead' }" />
            """ + Chain("s", "t")));

        var started = await h.StartAsync("p", Vars.Of(("team", "claims")));

        (await h.SingleTaskAsync(started.Id)).Assignee.Should().Be("claims-lead");
    }

    /// <summary>A date nested in an object is stored as ISO text; comparing it with a date must compare instants,
    /// not text (08:30Z is later than 09:00+01:00 although "08:30" sorts before "09:00").</summary>
    [Theory]
    [InlineData(8, 30, "other")]
    [InlineData(7, 30, "yes")]
    [InlineData(8, 0, "yes")]
    public async Task A_date_nested_in_an_object_compares_with_a_date_as_an_instant(int hour, int minute, string expected)
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Routing("${ complaint.answeredAt <= deadline }"));

        var started = await h.StartAsync("p", Vars.Of(
            ("deadline", new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(1))),
            ("complaint", new Dictionary<string, object?> { ["answeredAt"] = new DateTimeOffset(2026, 3, 12, hour, minute, 0, TimeSpan.Zero) })));

        started.ActiveActivityIds.Should().Equal(expected);
    }
}
