using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Reclamations.Engine.Persistence;

/// <summary>The engine's store: definitions, runtime state (instances, executions, variables, tasks, jobs,
/// subscriptions), incidents and history.</summary>
public sealed class EngineDbContext(DbContextOptions<EngineDbContext> options) : DbContext(options)
{
    public DbSet<ProcessDefinitionEntity> ProcessDefinitions => Set<ProcessDefinitionEntity>();
    public DbSet<ProcessInstanceEntity> ProcessInstances => Set<ProcessInstanceEntity>();
    public DbSet<ExecutionEntity> Executions => Set<ExecutionEntity>();
    public DbSet<VariableEntity> Variables => Set<VariableEntity>();
    public DbSet<TaskEntity> Tasks => Set<TaskEntity>();
    public DbSet<TaskCandidateEntity> TaskCandidates => Set<TaskCandidateEntity>();
    public DbSet<JobEntity> Jobs => Set<JobEntity>();
    public DbSet<EventSubscriptionEntity> EventSubscriptions => Set<EventSubscriptionEntity>();
    public DbSet<IncidentEntity> Incidents => Set<IncidentEntity>();
    public DbSet<HistoryEventEntity> History => Set<HistoryEventEntity>();
    public DbSet<BufferedMessageEntity> BufferedMessages => Set<BufferedMessageEntity>();
    public DbSet<HistoryCleanupRunEntity> HistoryCleanupRuns => Set<HistoryCleanupRunEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are stored as UTC ticks: sortable and comparable in SQL on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<ProcessDefinitionEntity>(e =>
        {
            e.ToTable("ProcessDefinitions");
            e.HasIndex(x => new { x.Key, x.Version }).IsUnique();
        });
        b.Entity<ProcessInstanceEntity>(e =>
        {
            e.ToTable("ProcessInstances");
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            // Filtered indexes: an instance without business key or caller writes no index page for them.
            e.HasIndex(x => x.BusinessKey).HasFilter("\"BusinessKey\" IS NOT NULL");
            e.HasIndex(x => x.SuperExecutionId).HasFilter("\"SuperExecutionId\" IS NOT NULL");
            // History cleanup: ended instances by end time.
            e.HasIndex(x => x.EndedAt).HasFilter("\"EndedAt\" IS NOT NULL");
        });
        b.Entity<ExecutionEntity>(e =>
        {
            e.ToTable("Executions");
            e.HasIndex(x => x.ProcessInstanceId);
        });
        b.Entity<VariableEntity>(e =>
        {
            e.ToTable("Variables");
            e.HasIndex(x => x.ProcessInstanceId);
        });
        b.Entity<TaskEntity>(e =>
        {
            e.ToTable("Tasks");
            e.HasIndex(x => x.ProcessInstanceId);
            e.HasIndex(x => new { x.Assignee, x.DueDate }).HasFilter("\"Assignee\" IS NOT NULL");
            e.HasIndex(x => x.BusinessKey).HasFilter("\"BusinessKey\" IS NOT NULL");
        });
        b.Entity<TaskCandidateEntity>(e =>
        {
            e.ToTable("TaskCandidates");
            e.HasIndex(x => new { x.Kind, x.Value, x.DueOrder });
            e.HasIndex(x => x.TaskId);
            e.HasOne<TaskEntity>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<JobEntity>(e =>
        {
            e.ToTable("Jobs");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.DueAt);
            e.HasIndex(x => x.ProcessInstanceId);
        });
        b.Entity<EventSubscriptionEntity>(e =>
        {
            e.ToTable("EventSubscriptions");
            e.HasIndex(x => new { x.MessageName, x.BusinessKey });
            e.HasIndex(x => x.ProcessInstanceId);
        });
        b.Entity<IncidentEntity>(e =>
        {
            e.ToTable("Incidents");
            e.HasIndex(x => x.ProcessInstanceId);
        });
        b.Entity<HistoryEventEntity>(e =>
        {
            e.ToTable("History");
            e.HasIndex(x => x.ProcessInstanceId);
            e.HasIndex(x => x.TaskId).HasFilter("\"TaskId\" IS NOT NULL");
        });
        b.Entity<BufferedMessageEntity>(e =>
        {
            e.ToTable("BufferedMessages");
            e.HasIndex(x => new { x.MessageName, x.ExpiresAt });
            e.HasIndex(x => x.ExpiresAt);
        });
        b.Entity<HistoryCleanupRunEntity>(e =>
        {
            e.ToTable("HistoryCleanupRuns");
            e.HasIndex(x => x.StartedAt);
        });
    }
}
