using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Register;
using Reclamations.Domain.Reporting.Annual;
using Reclamations.Domain.Reporting.RootCauses;

namespace Reclamations.Domain.Persistence;

/// <summary>The root-cause analysis and the annual documents' tables.</summary>
public sealed partial class DomainDbContext
{
    public DbSet<RootCause> RootCauses => Set<RootCause>();
    public DbSet<RootCauseChange> RootCauseChanges => Set<RootCauseChange>();
    public DbSet<RootCauseAction> RootCauseActions => Set<RootCauseAction>();
    public DbSet<AnnualDocument> AnnualDocuments => Set<AnnualDocument>();
    public DbSet<AnnualAnalysisVersion> AnnualAnalysisVersions => Set<AnnualAnalysisVersion>();

    private static void ConfigureAnnualReporting(ModelBuilder b)
    {
        b.Entity<RootCause>(e =>
        {
            e.ToTable("RootCauses");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Label).HasMaxLength(200);
        });
        b.Entity<RootCauseChange>(e =>
        {
            e.ToTable("RootCauseChanges");
            e.HasIndex(x => x.Code);
        });
        b.Entity<RootCauseAction>(e =>
        {
            e.ToTable("RootCauseActions");
            e.HasKey(x => new { x.RootCauseCode, x.CorrectiveActionId });
            e.HasOne<RootCause>().WithMany().HasForeignKey(x => x.RootCauseCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<CorrectiveAction>().WithMany().HasForeignKey(x => x.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.CorrectiveActionId);
        });
        b.Entity<AnnualDocument>(e =>
        {
            e.ToTable("AnnualDocuments");
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Scope).HasMaxLength(200);
            e.HasIndex(x => x.GeneratedAt);
        });
        b.Entity<AnnualAnalysisVersion>(e =>
        {
            e.ToTable("AnnualAnalysisVersions");
            e.Property(x => x.Scope).HasMaxLength(64);
            e.HasIndex(x => new { x.Year, x.Scope, x.Version }).IsUnique();
        });
    }
}
