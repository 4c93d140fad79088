using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Profiles;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Persistence;

/// <summary>First-use data: the built-in deadline profiles and the default categories, each only into an empty table.</summary>
internal static class DomainSeed
{
    public static async Task EnsureAsync(DomainDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.DeadlineProfiles.AnyAsync(ct))
        {
            foreach (var profile in DeadlineProfiles.Defaults)
            {
                var json = DeadlineProfileJson.Write(profile);
                db.DeadlineProfiles.Add(new DeadlineProfileEntity { Code = profile.Code, Json = json, UpdatedAt = now });
                db.DeadlineProfileVersions.Add(new DeadlineProfileVersion
                {
                    Code = profile.Code, Version = 1, Json = json, SavedAt = now, SavedBy = "system",
                });
            }
        }

        if (!await db.Categories.AnyAsync(ct))
        {
            foreach (var category in DefaultCategories.All)
            {
                db.Categories.Add(new Category { Code = category.Code, Label = category.Label, SortOrder = category.SortOrder, CaaType = category.CaaType });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
