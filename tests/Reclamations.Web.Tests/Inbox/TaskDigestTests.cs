using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Mail;
using Reclamations.Engine.Api;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Runtime;
using Reclamations.Testing.Mail;
using Reclamations.Web.Accounts;
using Reclamations.Web.Inbox;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Inbox;

/// <summary>The digest mail of new group tasks, sent through the outbox to a real SMTP server, time driven by the app's
/// manual clock: each candidate of a group gets one mail listing the new task, nobody outside the group gets one, a
/// restricted instance (readerGroups, as the litigation) reaches only its readers, an opted-out user gets nothing, and a
/// second run — also after a restart — sends nothing already sent.</summary>
public sealed class TaskDigestTests : IAsyncLifetime
{
    private const string Open = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     id="d-open" targetNamespace="http://reclamations.test">
          <process id="digest-open" name="Ouvert" isExecutable="true">
            <startEvent id="start" />
            <userTask id="study" name="Étudier le dossier" camunda:candidateGroups="Staff" camunda:dueDate="2027-01-15T12:00:00+01:00" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="study" />
            <sequenceFlow id="f2" sourceRef="study" targetRef="end" />
          </process>
        </definitions>
        """;

    private const string Restricted = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     id="d-secret" targetNamespace="http://reclamations.test">
          <process id="digest-secret" name="Contentieux (test)" isExecutable="true">
            <extensionElements><camunda:properties><camunda:property name="readerGroups" value="Direction" /></camunda:properties></extensionElements>
            <startEvent id="start" />
            <userTask id="defend" name="Préparer la défense" camunda:candidateGroups="Staff" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="defend" />
            <sequenceFlow id="f2" sourceRef="defend" targetRef="end" />
          </process>
        </definitions>
        """;

    private readonly SmtpServerFixture _smtp = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "reclamations-web-tests", Guid.NewGuid().ToString("N"));
    private WebHost _host = null!;

    public async Task InitializeAsync()
    {
        await _smtp.InitializeAsync();
        _host = NewHost();
        File.WriteAllText(Path.Combine(_host.WorkflowsFolder, "digest-open.bpmn"), Open);
        File.WriteAllText(Path.Combine(_host.WorkflowsFolder, "digest-secret.bpmn"), Restricted);
    }

    private WebHost NewHost() => new(_folder, settings: new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = _smtp.Host,
        ["Mail:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Notifications:TaskDigest:BaseUrl"] = "https://reclamations.cabinet-test.fr",
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        WebHost.DeleteFolder(_folder);
        await _smtp.DisposeAsync();
    }

    private async Task<int> RunDigestAsync(WebHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var queued = await scope.ServiceProvider.GetRequiredService<TaskDigestRun>().RunAsync();
        await host.Services.GetRequiredService<MailOutbox>().ProcessDueAsync(100);
        return queued;
    }

    private Task<Guid> StartAsync(string key, string reference) =>
        _host.Services.GetRequiredService<ProcessEngine>().StartProcessAsync(key, reference, null, new Actor("starter", ["Staff"]))
            .ContinueWith(t => t.Result.Id, TaskScheduler.Default);

    /// <summary>Moves the app's manual clock (no timer is waiting in these processes).</summary>
    private void Advance(TimeSpan by) => ((ManualTimeProvider)_host.Services.GetRequiredService<TimeProvider>()).Advance(by);

    private async Task<IReadOnlyList<ReceivedMail>> MailsToAsync(string user) =>
        (await _smtp.AllMessagesAsync()).Where(m => m.EnvelopeRecipients.Contains($"{user}@test.local")).ToList();

    [Fact]
    public async Task Each_candidate_gets_one_digest_of_what_they_may_see_and_nothing_is_sent_twice()
    {
        string[] staff = ["Staff"];
        foreach (var (user, roles) in new[] { ("anne", staff), ("bruno", staff), ("carla", ["Reviewer"]), ("dora", staff), ("eve", ["Staff", "Direction"]) })
            await ActingUser.TokenAsync(_host, user, roles);
        await OptOutThroughThePageAsync("dora");

        (await RunDigestAsync(_host)).Should().Be(0, "the first run only sets the watermark");
        Advance(TimeSpan.FromMinutes(1));
        await StartAsync("digest-open", "REC-2026-09001");
        await StartAsync("digest-secret", "REC-2026-09002");

        (await RunDigestAsync(_host)).Should().Be(3);
        foreach (var user in new[] { "anne", "bruno" })
        {
            var mail = (await MailsToAsync(user)).Should().ContainSingle().Subject.Message;
            mail.Subject.Should().Be("[Corbeille] Une nouvelle tâche dans vos groupes");
            mail.TextBody.Should().Contain("Étudier le dossier").And.Contain("réclamation REC-2026-09001").And.Contain("échéance le 15 janvier 2027")
                .And.Contain("https://reclamations.cabinet-test.fr/taches/").And.NotContain("Préparer la défense").And.NotContain("REC-2026-09002");
            mail.HtmlBody.Should().MatchRegex("<a href=\"https://reclamations.cabinet-test.fr/taches/[0-9a-f-]{36}\">");
        }
        (await MailsToAsync("carla")).Should().BeEmpty("carla is in none of the task's groups");
        (await MailsToAsync("dora")).Should().BeEmpty("dora opted out");
        (await MailsToAsync("eve")).Should().ContainSingle().Which.Message.TextBody
            .Should().Contain("Étudier le dossier").And.Contain("Préparer la défense", "eve reads the restricted instance (Direction)");

        (await RunDigestAsync(_host)).Should().Be(0, "nothing is new");
        await _host.DisposeAsync();
        _host = NewHost();
        (await RunDigestAsync(_host)).Should().Be(0, "a restart sends nothing already sent");
        (await _smtp.AllMessagesAsync()).Should().HaveCount(3);

        Advance(TimeSpan.FromMinutes(20));
        await StartAsync("digest-open", "REC-2026-09003");
        (await RunDigestAsync(_host)).Should().Be(3);
        var next = (await MailsToAsync("anne")).Should().HaveCount(2).And.Subject.Last().Message.TextBody;
        next.Should().Contain("REC-2026-09003").And.NotContain("REC-2026-09001");
    }

    private async Task OptOutThroughThePageAsync(string user)
    {
        using var client = _host.PageClientAs(user, "Staff");
        var page = await client.GetStringAsync("/compte/notifications");
        page.Should().Contain("checked=\"checked\"", "the digest is on by default");
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var saved = await client.PostAsync("/compte/notifications", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/compte/notifications?saved=true")).Should().Contain("Votre choix est enregistré.").And.NotContain("checked=\"checked\"");
        await using var scope = _host.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(user))!.TaskDigestOptOut.Should().BeTrue();
    }
}
