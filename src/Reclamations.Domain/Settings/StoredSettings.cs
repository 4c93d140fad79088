using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Settings;

/// <summary>Settings kept as append-only JSON versions (the table of <see cref="LetterSettingEntity"/>, one key per setting):
/// an edit adds a version with who and when, so the rows are the setting's audit trail; the latest version is in force.</summary>
internal static class StoredSettings
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<T?> LatestAsync<T>(DomainDbContext db, string key, CancellationToken ct) where T : class
    {
        var row = await db.LetterSettings.AsNoTracking().Where(s => s.Key == key).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : JsonSerializer.Deserialize<T>(row.Json, Json);
    }

    public static async Task<IReadOnlyList<(DateTimeOffset ChangedAt, string ChangedBy, T Value)>> HistoryAsync<T>(DomainDbContext db,
        string key, CancellationToken ct)
    {
        var rows = await db.LetterSettings.AsNoTracking().Where(s => s.Key == key).OrderByDescending(s => s.Id).Take(100).ToListAsync(ct);
        return rows.Select(r => (r.ChangedAt, r.ChangedBy, JsonSerializer.Deserialize<T>(r.Json, Json)!)).ToList();
    }

    public static void Add<T>(DomainDbContext db, string key, T value, string user, DateTimeOffset at) =>
        db.LetterSettings.Add(new LetterSettingEntity { Key = key, Json = JsonSerializer.Serialize(value, Json), ChangedAt = at, ChangedBy = user });
}
