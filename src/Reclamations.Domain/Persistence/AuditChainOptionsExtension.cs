using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Reclamations.Domain.Audit;

namespace Reclamations.Domain.Persistence;

/// <summary>Carries the audit chain's key to every <see cref="DomainDbContext"/> built with these options, so that each
/// audit row is sealed in the transaction that writes it (<see cref="DomainDb.UseAuditChain"/>).</summary>
internal sealed class AuditChainOptionsExtension(AuditChain chain) : IDbContextOptionsExtension
{
    public AuditChain Chain { get; } = chain;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "AuditChain ";

        // The chain adds no EF service: every context may share one internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["AuditChain"] = "1";
    }
}
