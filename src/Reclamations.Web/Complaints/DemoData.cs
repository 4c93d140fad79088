using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Complaints;

/// <summary>Two demo complaints (FR and LU) on an empty register, so a first run shows the process at work.</summary>
internal static class DemoData
{
    /// <summary>The demo complaints are registered by a member of staff named "demo".</summary>
    private static readonly Actor DemoUser = new("demo", ["Staff"]);

    public static async Task EnsureAsync(IServiceProvider services, ILogger logger)
    {
        var register = services.GetRequiredService<ComplaintRegister>();
        if ((await register.ListAsync()).Count > 0) return;
        var service = services.GetRequiredService<ComplaintService>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var first = await service.RegisterAsync(new NewComplaint
        {
            Complainant = new NewComplainant
            {
                Name = "Mme Claire Durand", Kind = ComplainantKind.Client, Email = "claire.durand@example.org",
                PostalAddress = "12 rue des Lilas\n54000 Nancy",
            },
            SentAt = DateOnly.FromDateTime(now.AddDays(-3).Date),
            ReceivedAt = now.AddDays(-1),
            Channel = ComplaintChannel.Courrier,
            Subject = "Refus de prise en charge d'un sinistre dégât des eaux",
            Description = "La cliente conteste le refus de l'assureur et reproche au cabinet un défaut de conseil sur les garanties.",
            Category = "adviceQuality",
            ContractReference = "MRH-2024-118",
            ProductOrService = "Multirisque habitation",
            Insurer = "Assureur Exemple",
            PersonsInvolved = ["paul.martin"],
            UsualContact = "paul.martin",
            Handler = "paul.martin",
            Profile = "FR-ACPR",
        }, DemoUser);
        var second = await service.RegisterAsync(new NewComplaint
        {
            Complainant = new NewComplainant { Name = "M. Marc Weber", Kind = ComplainantKind.FormerClient, PostalAddress = "3 rue du Fort\nL-1234 Luxembourg" },
            ReceivedAt = now,
            Channel = ComplaintChannel.Telephone,
            IsOral = true,
            Subject = "Frais de rachat d'un contrat d'assurance vie",
            Category = "contractOperations",
            ProductOrService = "Assurance vie",
            Profile = "LU-CAA",
        }, DemoUser);
        logger.LogInformation("Demo complaints registered: {First}, {Second}", first.Reference, second.Reference);
    }
}
