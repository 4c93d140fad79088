using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;
using Reclamations.Engine.Api;
using Reclamations.Engine.Handlers;
using Reclamations.Engine.Hosting;
using Reclamations.Engine.Persistence;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Tests.Persistence;

/// <summary>A real engine on the domain's SQLite file: a service-task handler's domain change commits or rolls back with the step.</summary>
public sealed class EngineStepTransactionTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     id="Defs_ack" targetNamespace="http://reclamations.test">
          <process id="ack" isExecutable="true">
            <startEvent id="start" />
            <serviceTask id="acknowledge" camunda:type="external" camunda:topic="acknowledge" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="acknowledge" />
            <sequenceFlow id="f2" sourceRef="acknowledge" targetRef="end" />
          </process>
        </definitions>
        """;

    private sealed class AcknowledgeHandler(ComplaintRegister register) : IServiceTaskHandler
    {
        public async Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            await using var db = DomainDb.On(context);
            await register.UpdateAsync(db, Guid.Parse((string)context.Get("complaintId")!), "moteur", AuditActions.AcknowledgementSent,
                c => c.AcknowledgedAt = context.Now, cancellationToken: cancellationToken);
            if (context.Get("fail") is true) throw new InvalidOperationException("Simulated failure after the domain change");
            return null;
        }
    }

    private static async Task<(ServiceProvider Services, ProcessEngine Engine)> StartEngineAsync(DomainDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(database.Clock);
        services.AddSingleton(DomainDatabase.AuditChain);
        services.AddSingleton(new ComplaintRegister(database.Factory, database.Clock));
        services.AddProcessEngine(db => db.UseEngineSqlite(database.ConnectionString), o =>
            {
                o.RunJobExecutor = false;
                o.DefaultRetries = 1;
            })
            .AddServiceTaskHandler<AcknowledgeHandler>("acknowledge");
        var provider = services.BuildServiceProvider();
        await EngineDatabase.MigrateAsync(provider.GetRequiredService<IDbContextFactory<EngineDbContext>>());
        var engine = provider.GetRequiredService<ProcessEngine>();
        await engine.DeployAsync([new BpmnResource("ack.bpmn", Xml)]);
        return (provider, engine);
    }

    [Fact]
    public async Task The_domain_change_commits_with_the_step()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var (services, engine) = await StartEngineAsync(database);
        await using var _ = services;
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var instance = await engine.StartProcessAsync("ack", complaint.Reference,
            new Dictionary<string, object?> { ["complaintId"] = complaint.Id.ToString(), ["fail"] = false }, Actor.System);

        instance.EndedAt.Should().NotBeNull();
        var file = await register.GetAsync(complaint.Id);
        file.Complaint.AcknowledgedAt.Should().Be(database.Clock.GetUtcNow());
        file.Audit.Last().Should().BeEquivalentTo(new { User = "moteur", Action = "Accusé de réception envoyé" });
    }

    [Fact]
    public async Task A_failing_step_rolls_the_domain_change_back()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var (services, engine) = await StartEngineAsync(database);
        await using var _ = services;
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");

        var act = () => engine.StartProcessAsync("ack", complaint.Reference,
            new Dictionary<string, object?> { ["complaintId"] = complaint.Id.ToString(), ["fail"] = true }, Actor.System);

        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        thrown.ToString().Should().Contain("Simulated failure after the domain change");
        var file = await register.GetAsync(complaint.Id);
        file.Complaint.AcknowledgedAt.Should().BeNull();
        file.Complaint.Revision.Should().Be(1);
        file.Audit.Should().ContainSingle();
    }
}
