using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;
using Reclamations.Web.Accounts;

namespace Reclamations.Browser.Tests.Support;

/// <summary>The steps of a test that the browser is not asked to do (registering a complaint, completing the tasks before
/// the one under test), done through the app's own services as the demo users, with the same checks as the pages.</summary>
internal static class WorkflowSetup
{
    /// <summary>The engine actor of a user (its id and its roles, as a signed-in request has them).</summary>
    public static async Task<Actor> ActorAsync(this BrowserApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return new Actor(user.Id, await users.GetRolesAsync(user));
    }

    /// <summary>A user of <paramref name="role"/> (password <see cref="DemoUsers.Password"/>), created when missing.</summary>
    public static async Task<Actor> EnsureUserAsync(this BrowserApp app, string email, string name, string jobTitle, string role)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, JobTitle = jobTitle };
                (await users.CreateAsync(user, DemoUsers.Password)).Succeeded.Should().BeTrue();
                (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            }
        }
        return await app.ActorAsync(email);
    }

    public static async Task<Complaint> RegisterComplaintAsync(this BrowserApp app, Actor staff, string complainant,
        IReadOnlyList<string>? personsInvolved = null, string? handler = null)
    {
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var complaint = await app.Services.GetRequiredService<ComplaintService>().RegisterAsync(new NewComplaint
        {
            Complainant = new NewComplainant { Name = complainant, Kind = ComplainantKind.Client, PostalAddress = "5 place d'Armes\n57000 Metz" },
            SentAt = DateOnly.FromDateTime(now.AddDays(-2).Date),
            ReceivedAt = now,
            Channel = ComplaintChannel.Courrier,
            Subject = "Contestation d'un conseil en placement",
            Category = "adviceQuality",
            ContractReference = "AV-2025-0042",
            PersonsInvolved = personsInvolved ?? [],
            Handler = handler,
            Profile = "FR-ACPR",
        }, staff);
        await app.SettleAsync();
        return complaint;
    }

    /// <summary>The open task <paramref name="taskKey"/> of the complaint, as <paramref name="actor"/> sees it, once the
    /// asynchronous steps before it have run (the app's own job executor may be running them: waited for, at most 30 s).</summary>
    public static async Task<TaskInfo> TaskAsync(this BrowserApp app, string reference, string taskKey, Actor actor)
    {
        var engine = app.Services.GetRequiredService<ProcessEngine>();
        IReadOnlyList<TaskInfo> tasks = [];
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await app.SettleAsync();
            tasks = await engine.QueryTasksAsync(new TaskQuery(BusinessKey: reference, Take: 100, IncludeAssigned: true), actor);
            if (tasks.Any(t => t.TaskDefinitionKey == taskKey)) break;
            await Task.Delay(200);
        }
        return tasks.Should().ContainSingle(t => t.TaskDefinitionKey == taskKey,
            $"{taskKey} is open among {string.Join(", ", tasks.Select(t => t.TaskDefinitionKey))}").Subject;
    }

    public static async Task CompleteAsync(this BrowserApp app, string reference, string taskKey, Dictionary<string, object?> variables,
        Actor actor)
    {
        var task = await app.TaskAsync(reference, taskKey, actor);
        await app.Services.GetRequiredService<ProcessEngine>().CompleteTaskAsync(task.Id, variables, actor);
        await app.SettleAsync();
    }

    /// <summary>Runs the jobs due now (asynchronous steps: letters, notifications, the call of the litigation branch).</summary>
    public static async Task SettleAsync(this BrowserApp app)
    {
        var engine = app.Services.GetRequiredService<ProcessEngine>();
        for (var round = 0; round < 20 && await engine.ExecuteDueJobsAsync() > 0; round++) { }
    }
}
