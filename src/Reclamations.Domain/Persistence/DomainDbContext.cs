using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Reclamations.Domain.Audit;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Notifications;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Persistence;

/// <summary>
/// The domain's store, on the same SQLite file as the engine: the complaints register, its case
/// files (documents, sent letters, corrective actions, audit trail), the mail outbox, the deadline
/// profiles and the categories. Sent letters and audit entries are append-only; each audit entry is sealed into the
/// audit chain (<see cref="AuditChain"/>) in the transaction that writes it.
/// </summary>
public sealed partial class DomainDbContext(DbContextOptions<DomainDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__DomainMigrationsHistory";

    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();
    public DbSet<ComplaintDocument> Documents => Set<ComplaintDocument>();
    public DbSet<SentLetter> SentLetters => Set<SentLetter>();
    public DbSet<OutboxMessageEntity> OutboxMessages => Set<OutboxMessageEntity>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DeadlineProfileEntity> DeadlineProfiles => Set<DeadlineProfileEntity>();
    public DbSet<DeadlineProfileVersion> DeadlineProfileVersions => Set<DeadlineProfileVersion>();
    public DbSet<Category> Categories => Set<Category>();

    public DbSet<CategoryChange> CategoryChanges => Set<CategoryChange>();

    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<TaskDigestState> TaskDigestStates => Set<TaskDigestState>();
    public DbSet<TaskDigestEntry> TaskDigestEntries => Set<TaskDigestEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>The audit chain of these options (<see cref="DomainDb.UseAuditChain"/>); null: audit rows cannot be written.</summary>
    internal AuditChain? Chain => this.GetService<IDbContextOptions>().FindExtension<AuditChainOptionsExtension>()?.Chain;
    public DbSet<Letters.LetterSettingEntity> LetterSettings => Set<Letters.LetterSettingEntity>();
    public DbSet<Studio.ProcessDraft> ProcessDrafts => Set<Studio.ProcessDraft>();
    public DbSet<Letters.LetterTemplateVersion> LetterTemplateVersions => Set<Letters.LetterTemplateVersion>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnly();
        return SaveSealedAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnly();
        return SaveSealedAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Complaint>(e =>
        {
            e.ToTable("Complaints");
            e.Property(x => x.Reference).HasMaxLength(32);
            e.HasIndex(x => x.Reference).IsUnique();
            e.OwnsOne(x => x.Complainant, c =>
            {
                c.Property(x => x.Name).HasMaxLength(200);
                c.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            });
            e.Navigation(x => x.Complainant).IsRequired();
            e.OwnsOne(x => x.Representative, r =>
            {
                r.Property(x => x.Name).HasMaxLength(200);
                r.Property(x => x.Capacity).HasConversion<string>().HasMaxLength(32);
            });
            e.Property(x => x.ReceivedThrough).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.ResponseDueDate);
            e.HasIndex(x => x.ReceivedAt);
            e.HasIndex(x => x.ProcessInstanceId);
            // The dashboard's period scans (Reporting/DashboardSql) with a profile, category or product filter.
            e.HasIndex(x => new { x.ProfileCode, x.ReceivedAt });
            e.HasIndex(x => new { x.Category, x.ReceivedAt });
            e.HasIndex(x => new { x.ProductOrService, x.ReceivedAt });
        });
        b.Entity<ReferenceCounter>(e =>
        {
            e.ToTable("ReferenceCounters");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).ValueGeneratedNever();
        });
        b.Entity<CorrectiveAction>(e =>
        {
            e.ToTable("CorrectiveActions");
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.DueDate });
            e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ComplaintDocument>(e =>
        {
            e.ToTable("Documents");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SentLetter>(e =>
        {
            e.ToTable("SentLetters");
            e.Ignore(x => x.Sent);
            e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.OutboxMessageId);
        });
        b.Entity<OutboxMessageEntity>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasIndex(x => x.MessageId).IsUnique();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => x.ComplaintId);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ComplaintId, x.Id });
            e.HasIndex(x => x.Sequence).IsUnique();
        });
        b.Entity<AuditChainHead>(e =>
        {
            e.ToTable("AuditChainHead");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<DeadlineProfileEntity>(e =>
        {
            e.ToTable("DeadlineProfiles");
            e.HasKey(x => x.Code);
            e.Property(x => x.UpdatedBy).HasMaxLength(200);
        });
        b.Entity<DeadlineProfileVersion>(e =>
        {
            e.ToTable("DeadlineProfileVersions");
            e.HasKey(x => new { x.Code, x.Version });
            e.Property(x => x.SavedBy).HasMaxLength(200);
        });
        b.Entity<Category>(e =>
        {
            e.ToTable("Categories");
            e.HasKey(x => x.Code);
            e.Property(x => x.CaaType).HasMaxLength(32);
        });

        b.Entity<CategoryChange>(e =>
        {
            e.ToTable("CategoryChanges");
            e.HasIndex(x => x.Code);
        });

        b.Entity<Referral>(e =>
        {
            e.ToTable("Referrals");
            e.Property(x => x.Body).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ComplaintId);
        });
        b.Entity<TaskDigestState>(e =>
        {
            e.ToTable("TaskDigestState");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Watermark).IsConcurrencyToken();
        });
        b.Entity<TaskDigestEntry>(e =>
        {
            e.ToTable("TaskDigestEntries");
            e.HasKey(x => new { x.UserId, x.TaskId });
            e.HasIndex(x => x.TaskCreatedAt);
        });
        b.Entity<Letters.LetterSettingEntity>(e =>
        {
            e.ToTable("LetterSettings");
            e.Property(x => x.Key).HasMaxLength(32);
            e.HasIndex(x => new { x.Key, x.Id });
        });
        b.Entity<Studio.ProcessDraft>(e =>
        {
            e.ToTable("StudioDrafts");
            e.Property(x => x.ProcessKey).HasMaxLength(Studio.ProcessDraftStore.MaxKeyLength);
            e.Property(x => x.Comment).HasMaxLength(Studio.ProcessDraftStore.MaxCommentLength);
            e.Property(x => x.CreatedBy).HasMaxLength(450);
            e.Property(x => x.UpdatedBy).HasMaxLength(450);
            e.HasIndex(x => x.ProcessKey);
        });
        ConfigureAnnualReporting(b);
        b.Entity<Letters.LetterTemplateVersion>(e =>
        {
            e.ToTable("LetterTemplateVersions");
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Author).HasMaxLength(200);
            e.Property(x => x.Comment).HasMaxLength(500);
            e.HasIndex(x => new { x.Name, x.Version }).IsUnique();
        });
    }

    private void GuardAppendOnly()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is SentLetter or AuditEntry or Letters.LetterSettingEntity or Reporting.Annual.AnnualDocument or Reporting.Annual.AnnualAnalysisVersion or Letters.LetterTemplateVersion && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException(
                    $"{entry.Entity.GetType().Name} is append-only: it cannot be changed or deleted.");
            }
        }
    }
}
