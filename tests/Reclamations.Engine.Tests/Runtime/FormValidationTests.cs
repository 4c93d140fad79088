using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Runtime;

public sealed class FormValidationTests
{
    private static readonly string Form = Process("p", """
        <startEvent id="s" />
        <userTask id="t" name="Qualifier" camunda:candidateUsers="alice">
          <extensionElements>
            <camunda:formData>
              <camunda:formField id="motif" label="Motif" type="string">
                <camunda:validation>
                  <camunda:constraint name="required" />
                  <camunda:constraint name="minlength" config="3" />
                  <camunda:constraint name="maxlength" config="10" />
                </camunda:validation>
              </camunda:formField>
              <camunda:formField id="montant" label="Montant" type="long">
                <camunda:validation>
                  <camunda:constraint name="min" config="1" />
                  <camunda:constraint name="max" config="1000" />
                </camunda:validation>
              </camunda:formField>
              <camunda:formField id="fonde" label="Fondée" type="boolean">
                <camunda:validation><camunda:constraint name="required" /></camunda:validation>
              </camunda:formField>
              <camunda:formField id="recu" label="Reçue le" type="date" />
              <camunda:formField id="canal" label="Canal" type="enum">
                <camunda:value id="courrier" name="Courrier" />
                <camunda:value id="email" name="E-mail" />
              </camunda:formField>
            </camunda:formData>
          </extensionElements>
        </userTask>
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    private static Dictionary<string, object?> Valid() => Vars.Of(
        ("motif", "retard"), ("montant", "42"), ("fonde", "true"), ("recu", "2026-05-14"), ("canal", "email"));

    private static async Task<(EngineHarness H, Guid Instance, Guid Task)> StartAsync()
    {
        var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Form);
        var started = await h.StartAsync("p", Vars.Of(("motif", "initial"), ("montant", 7L)));
        var task = await h.SingleTaskAsync(started.Id);
        return (h, started.Id, task.Id);
    }

    [Theory]
    [InlineData("motif", null)]            // required, missing
    [InlineData("motif", "   ")]           // required, blank
    [InlineData("motif", "ab")]            // minlength 3
    [InlineData("motif", "onze lettre")]   // maxlength 10
    [InlineData("montant", "0")]           // min 1
    [InlineData("montant", "1001")]        // max 1000
    [InlineData("montant", "quarante")]    // not a long
    [InlineData("montant", "4.5")]         // not an integer
    [InlineData("fonde", "oui")]           // not a boolean
    [InlineData("fonde", null)]            // required boolean, missing
    [InlineData("recu", "pas une date")]   // not a date
    [InlineData("canal", "fax")]           // not an enum value
    public async Task A_violation_names_the_field_and_changes_nothing(string field, string? value)
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        var before = await h.InstanceAsync(instance);
        var historyBefore = await h.Engine.GetHistoryAsync(instance, Actor.System);
        var submitted = Valid();
        submitted[field] = value;

        var act = () => h.Engine.CompleteTaskAsync(taskId, submitted, new Actor("alice"));

        var error = (await act.Should().ThrowAsync<FormValidationException>()).Which;
        error.Errors.Should().ContainSingle().Which.FieldId.Should().Be(field);
        error.Message.Should().Contain(field);
        var after = await h.InstanceAsync(instance);
        after.State.Should().Be("Active");
        after.ActiveActivityIds.Should().Equal("t");
        after.Variables.Should().BeEquivalentTo(before.Variables);
        after.Variables["motif"].Should().Be("initial");
        after.Variables.Should().NotContainKey("canal");
        (await h.Engine.GetTaskAsync(taskId, Actor.System)).Id.Should().Be(taskId);
        (await h.Engine.GetHistoryAsync(instance, Actor.System)).Should().HaveCount(historyBefore.Count);
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        var (h, _, taskId) = await StartAsync();
        await using var __ = h;

        var act = () => h.Engine.CompleteTaskAsync(taskId, Vars.Of(("motif", "ab"), ("montant", "5000"), ("canal", "fax")), Actor.System);

        var error = (await act.Should().ThrowAsync<FormValidationException>()).Which;
        error.Errors.Select(e => e.FieldId).Should().BeEquivalentTo("motif", "montant", "fonde", "canal");
    }

    [Fact]
    public async Task Valid_values_are_converted_to_their_field_types()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;

        await h.Engine.CompleteTaskAsync(taskId, Valid(), new Actor("alice"));

        var ended = await h.InstanceAsync(instance);
        ended.State.Should().Be("Completed");
        ended.Variables["motif"].Should().Be("retard");
        ended.Variables["montant"].Should().BeOfType<long>().Which.Should().Be(42L);
        ended.Variables["fonde"].Should().BeOfType<bool>().Which.Should().BeTrue();
        ended.Variables["recu"].Should().BeOfType<DateTimeOffset>()
            .Which.Date.Should().Be(new DateTime(2026, 5, 14));
        ended.Variables["canal"].Should().Be("email");
    }

    [Fact]
    public async Task Typed_values_are_accepted_as_they_are()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        var received = new DateTimeOffset(2026, 5, 14, 0, 0, 0, TimeSpan.FromHours(2));

        await h.Engine.CompleteTaskAsync(taskId, Vars.Of(
            ("motif", "retard"), ("montant", 1000L), ("fonde", false), ("recu", received), ("canal", "courrier")), Actor.System);

        var ended = await h.InstanceAsync(instance);
        ended.Variables["montant"].Should().Be(1000L);
        ended.Variables["fonde"].Should().Be(false);
        ended.Variables["recu"].Should().Be(received);
    }

    [Fact]
    public async Task Optional_fields_may_be_left_out()
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;

        await h.Engine.CompleteTaskAsync(taskId, Vars.Of(("motif", "abc"), ("fonde", "false")), Actor.System);

        var ended = await h.InstanceAsync(instance);
        ended.State.Should().Be("Completed");
        ended.Variables["motif"].Should().Be("abc");
        ended.Variables["fonde"].Should().Be(false);
        ended.Variables["montant"].Should().Be(7L);
        ended.Variables.Should().NotContainKey("canal");
    }

    [Fact]
    public async Task The_task_exposes_its_form_fields()
    {
        var (h, _, taskId) = await StartAsync();
        await using var __ = h;

        var task = await h.Engine.GetTaskAsync(taskId, Actor.System);

        task.FormFields.Select(f => f.Id).Should().Equal("motif", "montant", "fonde", "recu", "canal");
        var motif = task.FormFields[0];
        motif.Required.Should().BeTrue();
        motif.Constraints.Should().Contain("minlength", "3").And.Contain("maxlength", "10");
        task.FormFields[4].Values.Select(v => v.Id).Should().Equal("courrier", "email");
    }

    [Theory]
    [InlineData("14/05/2026", 5, 14)]
    [InlineData("05/04/2026", 4, 5)]   // French day/month: 5 April, not May 4
    [InlineData("2026-04-05", 4, 5)]
    public async Task Dates_are_read_as_iso_or_french_day_month_year(string text, int month, int day)
    {
        var (h, instance, taskId) = await StartAsync();
        await using var _ = h;
        var submitted = Valid();
        submitted["recu"] = text;

        await h.Engine.CompleteTaskAsync(taskId, submitted, Actor.System);

        var recu = (await h.InstanceAsync(instance)).Variables["recu"].Should().BeOfType<DateTimeOffset>().Subject;
        (recu.Year, recu.Month, recu.Day).Should().Be((2026, month, day));
        // A bare date is midnight in the engine's zone (Europe/Paris, summer time), not midnight UTC.
        recu.TimeOfDay.Should().Be(TimeSpan.Zero);
        recu.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    private static readonly string Defaults = Process("d", """
        <startEvent id="s" />
        <userTask id="t">
          <extensionElements>
            <camunda:formData>
              <camunda:formField id="suite" label="Suite" type="enum" defaultValue="accuser">
                <camunda:value id="accuser" name="Accuser réception" />
                <camunda:value id="repondre" name="Répondre" />
                <camunda:validation><camunda:constraint name="required" /></camunda:validation>
              </camunda:formField>
              <camunda:formField id="jours" label="Jours" type="long" defaultValue="${ base + 2 }" />
              <camunda:formField id="note" label="Note" type="string" />
            </camunda:formData>
          </extensionElements>
        </userTask>
        <endEvent id="e" />
        """ + Chain("s", "t", "e"));

    [Fact]
    public async Task An_empty_field_takes_its_default_value_literal_or_expression_converted_to_its_type()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Defaults);
        var started = await h.StartAsync("d", Vars.Of(("base", 8L)));
        var task = await h.SingleTaskAsync(started.Id);
        task.FormFields.Select(f => f.DefaultValue).Should().Equal("accuser", "${ base + 2 }", null);

        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("suite", "  ")), Actor.System);

        var ended = await h.InstanceAsync(started.Id);
        ended.State.Should().Be("Completed");
        ended.Variables["suite"].Should().Be("accuser");
        ended.Variables["jours"].Should().BeOfType<long>().Which.Should().Be(10L);
        ended.Variables.Should().NotContainKey("note");
    }

    [Fact]
    public async Task A_submitted_value_wins_over_the_default_and_is_still_validated()
    {
        await using var h = await EngineHarness.StartAsync();
        await h.DeployAsync(Defaults);
        var started = await h.StartAsync("d", Vars.Of(("base", 8L)));
        var task = await h.SingleTaskAsync(started.Id);

        var act = () => h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("suite", "ignorer")), Actor.System);
        (await act.Should().ThrowAsync<FormValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.FieldId.Should().Be("suite");

        await h.Engine.CompleteTaskAsync(task.Id, Vars.Of(("suite", "repondre"), ("jours", 3)), Actor.System);
        var ended = await h.InstanceAsync(started.Id);
        ended.Variables["suite"].Should().Be("repondre");
        ended.Variables["jours"].Should().Be(3L);
    }
}
