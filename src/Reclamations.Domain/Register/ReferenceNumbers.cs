using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Reclamations.Domain.Persistence;

namespace Reclamations.Domain.Register;

/// <summary>
/// Complaint references <c>REC-{year}-{number:00000}</c>. The year's counter row is incremented in one
/// statement inside the registration's transaction, so two registrations never get the same number and
/// a rolled-back registration leaves the counter as it was. A number once committed is never given again,
/// even if its complaint row disappeared, because the counter never goes down.
/// </summary>
internal static class ReferenceNumbers
{
    private const string NextSql =
        "INSERT INTO \"ReferenceCounters\" (\"Year\", \"Last\") VALUES (@year, 1) " +
        "ON CONFLICT (\"Year\") DO UPDATE SET \"Last\" = \"ReferenceCounters\".\"Last\" + 1 " +
        "RETURNING \"Last\";";

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"REC-{year}-{number:00000}");

    /// <summary>The next number of <paramref name="year"/>; needs an open transaction on <paramref name="db"/>.</summary>
    public static async Task<int> NextAsync(DomainDbContext db, int year, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A reference number is taken inside the registration's transaction.");
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = NextSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        var result = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt32(result, CultureInfo.InvariantCulture);
    }
}
