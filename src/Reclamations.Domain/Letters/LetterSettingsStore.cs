using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;

namespace Reclamations.Domain.Letters;

/// <summary>The firm's identity and the recourse bodies as letters print them, kept in the database: seeded at first start
/// from the configuration (<c>Firm:*</c>) and the published defaults, then edited (each edit a new version with who and when,
/// <see cref="LetterSettingEntity"/>). The time zone stays configuration.</summary>
public sealed class LetterSettingsStore(IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time, FirmSettings configured)
{
    public const string FirmKey = "firm";
    public const string RecourseKey = "recourse";
    public const string SeedUser = "configuration";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Seeds each setting that has no version yet (the configuration's firm, the published recourse bodies).</summary>
    public async Task EnsureSeededAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.LetterSettings.Select(s => s.Key).Distinct().ToListAsync(ct);
        if (!keys.Contains(FirmKey)) Add(db, FirmKey, configured, SeedUser);
        if (!keys.Contains(RecourseKey)) Add(db, RecourseKey, MediatorSettings.Default, SeedUser);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The settings in force, read on the caller's context (e.g. in an engine step's transaction).</summary>
    public LetterSettings Read(DomainDbContext db)
    {
        var firm = Latest(db, FirmKey);
        var recourse = Latest(db, RecourseKey);
        return new LetterSettings(
            firm is null ? configured : Deserialize<FirmSettings>(firm.Json) with { TimeZoneId = configured.TimeZoneId },
            recourse is null ? MediatorSettings.Default : Deserialize<MediatorSettings>(recourse.Json));
    }

    public async Task<LetterSettings> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Read(db);
    }

    /// <summary>Who changed a setting and when, newest first.</summary>
    public async Task<IReadOnlyList<LetterSettingEntity>> HistoryAsync(string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LetterSettings.AsNoTracking().Where(s => s.Key == key).OrderByDescending(s => s.Id).Take(100).ToListAsync(ct);
    }

    /// <summary>Replaces the firm's identity (validated: a bad field is refused, naming it, and nothing changes).</summary>
    public async Task<FirmSettings> UpdateFirmAsync(FirmSettings firm, string user, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Require(errors, "name", firm.Name);
        if (firm.Address is null || firm.Address.Count == 0 || firm.Address.Any(string.IsNullOrWhiteSpace))
            errors.Add(new FieldError("address", "L'adresse postale est obligatoire (une ligne par élément, sans ligne vide)."));
        if (string.IsNullOrWhiteSpace(firm.OriasNumber) && string.IsNullOrWhiteSpace(firm.RegistrationNumber))
            errors.Add(new FieldError("oriasNumber", "Le n° ORIAS ou une autre immatriculation est obligatoire."));
        Require(errors, "complaintsContactName", firm.ComplaintsContactName);
        Require(errors, "complaintsContactTitle", firm.ComplaintsContactTitle);
        Require(errors, "complaintsContactEmail", firm.ComplaintsContactEmail);
        if (!string.IsNullOrWhiteSpace(firm.ComplaintsContactEmail) && !IsEmail(firm.ComplaintsContactEmail))
            errors.Add(new FieldError("complaintsContactEmail", "L'adresse de courriel n'est pas valide."));
        Require(errors, "phone", firm.Phone);
        Limit(errors, ("name", firm.Name), ("oriasNumber", firm.OriasNumber), ("registrationNumber", firm.RegistrationNumber),
            ("complaintsContactName", firm.ComplaintsContactName), ("complaintsContactTitle", firm.ComplaintsContactTitle),
            ("complaintsContactEmail", firm.ComplaintsContactEmail), ("phone", firm.Phone));
        LimitLines(errors, "address", firm.Address);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        var clean = firm with
        {
            Name = firm.Name.Trim(), Address = firm.Address!.Select(l => l.Trim()).ToList(),
            OriasNumber = Blank(firm.OriasNumber), RegistrationNumber = Blank(firm.RegistrationNumber),
            ComplaintsContactName = firm.ComplaintsContactName.Trim(), ComplaintsContactTitle = firm.ComplaintsContactTitle!.Trim(),
            ComplaintsContactEmail = firm.ComplaintsContactEmail.Trim(), Phone = firm.Phone.Trim(), TimeZoneId = configured.TimeZoneId,
        };
        await SaveAsync(FirmKey, clean, user, ct);
        return clean;
    }

    /// <summary>Replaces the recourse bodies' details (every field required: a letter never prints a blank).</summary>
    public async Task<MediatorSettings> UpdateRecourseAsync(MediatorSettings recourse, string user, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        Require(errors, "frName", recourse.FrName);
        if (recourse.FrAddress is null || recourse.FrAddress.Count == 0 || recourse.FrAddress.Any(string.IsNullOrWhiteSpace))
            errors.Add(new FieldError("frAddress", "L'adresse du médiateur est obligatoire."));
        Require(errors, "frWeb", recourse.FrWeb);
        Require(errors, "frEmail", recourse.FrEmail);
        Require(errors, "luName", recourse.LuName);
        if (recourse.LuAddress is null || recourse.LuAddress.Count == 0 || recourse.LuAddress.Any(string.IsNullOrWhiteSpace))
            errors.Add(new FieldError("luAddress", "L'adresse du CAA est obligatoire."));
        Require(errors, "luWeb", recourse.LuWeb);
        Require(errors, "luEmail", recourse.LuEmail);
        Require(errors, "luPhone", recourse.LuPhone);
        Require(errors, "luFax", recourse.LuFax);
        Require(errors, "luRole", recourse.LuRole);
        Limit(errors, ("frName", recourse.FrName), ("frWeb", recourse.FrWeb), ("frEmail", recourse.FrEmail), ("luName", recourse.LuName),
            ("luWeb", recourse.LuWeb), ("luEmail", recourse.LuEmail), ("luPhone", recourse.LuPhone), ("luFax", recourse.LuFax));
        if (recourse.LuRole?.Length > MaxTextLength)
            errors.Add(new FieldError("luRole", $"Ce texte ne doit pas dépasser {MaxTextLength} caractères."));
        LimitLines(errors, "frAddress", recourse.FrAddress);
        LimitLines(errors, "luAddress", recourse.LuAddress);
        if (errors.Count > 0) throw new RegisterValidationException(errors);
        await SaveAsync(RecourseKey, recourse, user, ct);
        return recourse;
    }

    private async Task SaveAsync<T>(string key, T value, string user, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Add(db, key, value, user);
        await db.SaveChangesAsync(ct);
    }

    private void Add<T>(DomainDbContext db, string key, T value, string user) =>
        db.LetterSettings.Add(new LetterSettingEntity
        {
            Key = key, Json = JsonSerializer.Serialize(value, Json), ChangedAt = time.GetUtcNow(), ChangedBy = user,
        });

    private static LetterSettingEntity? Latest(DomainDbContext db, string key) =>
        db.LetterSettings.AsNoTracking().Where(s => s.Key == key).OrderByDescending(s => s.Id).FirstOrDefault();

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidOperationException($"Stored letters setting is empty: {json}");

    /// <summary>The longest value of a one-line field, of an address line, and of the CAA's role text; the most address lines.</summary>
    public const int MaxFieldLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxAddressLines = 10;

    private static void Limit(List<FieldError> errors, params (string Field, string? Value)[] fields)
    {
        foreach (var (field, value) in fields)
            if (value?.Length > MaxFieldLength) errors.Add(new FieldError(field, $"Ce champ ne doit pas dépasser {MaxFieldLength} caractères."));
    }

    private static void LimitLines(List<FieldError> errors, string field, IReadOnlyList<string>? lines)
    {
        if (lines is null) return;
        if (lines.Count > MaxAddressLines) errors.Add(new FieldError(field, $"L'adresse ne doit pas dépasser {MaxAddressLines} lignes."));
        else if (lines.Any(l => l?.Length > MaxFieldLength))
            errors.Add(new FieldError(field, $"Une ligne d'adresse ne doit pas dépasser {MaxFieldLength} caractères."));
    }

    private static void Require(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new FieldError(field, "Ce champ est obligatoire."));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsEmail(string value) => System.Net.Mail.MailAddress.TryCreate(value.Trim(), out var address)
                                                  && address.Address == value.Trim() && value.Contains('.', StringComparison.Ordinal);
}

/// <summary>The letters settings in force: the firm's identity and the recourse bodies.</summary>
public sealed record LetterSettings(FirmSettings Firm, MediatorSettings Recourse);
