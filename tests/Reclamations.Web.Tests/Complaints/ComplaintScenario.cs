using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Mail;
using Reclamations.Testing.Mail;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>The real app (real workflows/*.bpmn and templates/, SQLite file, manual clock) sending its letters to a real
/// SMTP server; drives a complaint through its tasks as the staff would, through the HTTP API.</summary>
public sealed class ComplaintScenario : IAsyncDisposable
{
    private readonly WebHost _host;

    /// <summary>A scenario with its own SMTP server, so that letters of parallel scenarios never mix;
    /// <paramref name="settings"/> are added to (or replace) the scenario's own.</summary>
    public static async Task<ComplaintScenario> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var smtp = new SmtpServerFixture();
        await smtp.InitializeAsync();
        return new ComplaintScenario(smtp, settings);
    }

    private ComplaintScenario(SmtpServerFixture smtp, IReadOnlyDictionary<string, string?>? extra)
    {
        Smtp = smtp;
        var settings = new Dictionary<string, string?>
        {
            ["Workflows:Directory"] = RepoFolders.Find("workflows"),
            ["Templates:Directory"] = RepoFolders.Find("templates"),
            ["Mail:Smtp:Host"] = smtp.Host,
            ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:From"] = "reclamations@cabinet-test.fr",
            ["Firm:Name"] = "Cabinet Test Courtage",
            ["Notifications:Direction"] = "direction@cabinet-test.fr",
            ["Notifications:ComplaintsOfficer"] = "responsable@cabinet-test.fr",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        _host = new WebHost(settings: settings);
        Client = _host.ClientAs("staff.user", "Staff");
    }

    /// <summary>The roles of the users the scenarios sign in as.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        ["staff.user"] = ["Staff"],
        ["resp.reclamations"] = ["ComplaintsOfficer"],
        ["sophie.bernard"] = ["Staff", "Reviewer"],
        ["associe.rcp"] = ["LegalPartner"],
        ["direction"] = ["Direction"],
    };

    public SmtpServerFixture Smtp { get; }
    /// <summary>The app's HTTP client, acting as staff.user (Staff).</summary>
    public HttpClient Client { get; }

    /// <summary>A client acting as <paramref name="user"/> with <paramref name="groups"/>.</summary>
    public HttpClient ClientAs(string user, params string[] groups) => _host.ClientAs(user, groups);
    public IServiceProvider Services => _host.Services;

    /// <summary>A client acting as <paramref name="user"/> (groups of <see cref="Roles"/>) that keeps cookies, for the pages' forms.</summary>
    public HttpClient PageClientAs(string user) => _host.PageClientAs(user, Roles[user]);

    /// <summary>The same for a user with the roles given (e.g. the process owner of the studio's pages).</summary>
    public HttpClient PageClientAs(string user, params string[] roles) => _host.PageClientAs(user, roles);

    public async Task<JsonNode> RegisterAsync(object request)
    {
        var response = await Client.PostJsonAsync("/api/complaints", request);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.JsonAsync();
        await SettleAsync();
        return created;
    }

    /// <summary>Runs the jobs due now (async letter steps) and sends the outbox.</summary>
    public async Task SettleAsync() => await AdvanceAsync("PT0S");

    /// <summary>Moves the app's clock (every timer due meanwhile fires, in order) and sends the outbox.</summary>
    public async Task AdvanceAsync(string duration)
    {
        var response = await Client.PostJsonAsync("/api/engine/clock/advance", new { duration });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await Services.GetRequiredService<MailOutbox>().ProcessDueAsync(100);
    }

    public async Task<JsonArray> TasksAsync(string processInstanceId) =>
        (await (await Client.GetAsync($"/api/engine/tasks?processInstanceId={processInstanceId}&take=100")).JsonAsync()).AsArray();

    /// <summary>Open tasks of the complaint and of its called litigation instance (by business key), as every role of
    /// <see cref="Roles"/> together sees them (each user sees only the tasks offered to them, supervisors the unrestricted ones).</summary>
    public async Task<JsonArray> ComplaintTasksAsync(string complaintId)
    {
        var seen = new Dictionary<string, JsonNode>();
        foreach (var (user, groups) in Roles)
        {
            using var client = _host.ClientAs(user, groups);
            foreach (var task in (await ComplaintAsync(complaintId, client))["openTasks"]!.AsArray())
                seen.TryAdd(task!["id"]!.GetValue<string>(), task.DeepClone());
        }
        return new JsonArray([.. seen.Values]);
    }

    public Task<JsonNode> ComplaintAsync(string complaintId) => ComplaintAsync(complaintId, Client);

    public static async Task<JsonNode> ComplaintAsync(string complaintId, HttpClient client)
    {
        var response = await client.GetAsync($"/api/complaints/{complaintId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    /// <summary>Completes the complaint's single open task with this key as <paramref name="user"/> (with the groups of
    /// <see cref="Roles"/>), who claims it by completing it when it is unassigned.</summary>
    public async Task<HttpResponseMessage> CompleteAsync(string complaintId, string taskKey, object variables, string user = "staff.user",
        bool expectSuccess = true)
    {
        var tasks = await ComplaintTasksAsync(complaintId);
        var task = tasks.Should().ContainSingle(t => t!["taskDefinitionKey"]!.GetValue<string>() == taskKey,
            $"task {taskKey} should be open among {string.Join(", ", tasks.Select(t => t!["taskDefinitionKey"]))}").Subject!;
        using var client = _host.ClientAs(user, Roles[user]);
        var response = await client.PostJsonAsync($"/api/engine/tasks/{task["id"]}/complete", new { variables });
        if (expectSuccess) response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        await SettleAsync();
        return response;
    }

    public async Task<IReadOnlyList<string>> OpenTaskKeysAsync(string complaintId) =>
        (await ComplaintTasksAsync(complaintId)).Select(t => t!["taskDefinitionKey"]!.GetValue<string>()).Order().ToList();

    /// <summary>The letters the SMTP server received whose subject names <paramref name="reference"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MailsAsync(string reference) =>
        (await Smtp.AllMessagesAsync()).Where(m => (m.Message.Subject ?? "").Contains(reference, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        WebHost.DeleteFolder(_host.Folder);
        await Smtp.DisposeAsync();
    }
}
