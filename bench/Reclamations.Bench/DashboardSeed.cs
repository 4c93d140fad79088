using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Reclamations.Bench;

/// <summary>Writes complaints straight into the register's tables (one prepared INSERT, batched in one transaction): received
/// evenly between two instants, spread over 2 profiles, 7 categories, 5 channels, 12 products, 6 insurers and 15 persons; about
/// 10 % with a missed deadline, 3 % reopened, 2 % referred, 1 % in litigation, 5 % with a corrective action; the complaints of
/// the last 60 days before <c>now</c> are open.</summary>
internal static class DashboardSeed
{
    private static readonly string[] Categories = ["product", "adviceQuality", "distribution", "contractOperations", "kycCompliance", "regulation", "conflictsOfInterest"];
    private static readonly string[] Channels = ["Courrier", "Email", "Telephone", "Agence", "FormulaireWeb"];
    private static readonly string[] Outcomes = ["founded", "partlyFounded", "unfounded", "unfounded", "notComplaint"];
    private static readonly string[] OpenStatuses = ["Registered", "InProgress", "Answered", "SecondLevel"];

    public static async Task AddAsync(string databasePath, int count, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, int seed)
    {
        var random = new Random(seed);
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var insert = Command(connection, transaction,
            "INSERT INTO Complaints (Id, Reference, Complainant_Name, Complainant_Kind, ReceivedAt, Channel, IsOral, Subject, Category, " +
            "ProductOrService, Insurer, PersonsInvolved, OtherParties, ProfileCode, ProfileVersion, Level, ClockStart, AcknowledgementDueDate, " +
            "ResponseDueDate, ExternalRecourseFrom, ExternalRecourseUntil, AcknowledgedAt, AnsweredAt, ClosedAt, Outcome, DeadlineBreaches, Status, " +
            "ReopenCount, ReopenedOn, ReceivedThrough, LitigationStartedAt, CreatedAt, Revision, LegalHold) VALUES " +
            "($id, $ref, 'Client', 'Client', $received, $channel, 0, 'Objet', $category, $product, $insurer, $persons, '[]', $profile, 1, 'First', " +
            "$clock, $clock, $clock, $clock, $clock, $acked, $answered, $closed, $outcome, $breaches, $status, $reopen, '[]', $through, $litigation, " +
            "$received, 1, 0)");
        var action = Command(connection, transaction,
            "INSERT INTO CorrectiveActions (Id, ComplaintId, Type, Description, Status, DueDate) VALUES ($id, $complaint, 'Procedure', 'Action', $status, $due)");
        var referral = Command(connection, transaction,
            "INSERT INTO Referrals (Id, ComplaintId, Body, ReferredOn, RecordedBy, RecordedAt) VALUES ($id, $complaint, $body, $on, 'bench', 0)");
        var span = (to - from).Ticks;
        for (var i = 0; i < count; i++)
        {
            var received = from.AddTicks((long)(span * (i / (double)count)));
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            var open = received > now.AddDays(-60);
            var days = random.Next(1, 61);
            var answered = open && random.Next(3) > 0 ? (DateTimeOffset?)null : received.AddDays(days);
            var breaches = random.Next(10) switch { 0 => "[\"acknowledgement\"]", 1 when answered is not null => "[\"response\"]", _ => "[]" };
            Set(insert, "$id", id, "$ref", $"B-{seed}-{i}", "$received", received.UtcTicks, "$channel", Channels[random.Next(Channels.Length)],
                "$category", Categories[random.Next(Categories.Length)], "$product", $"Produit {random.Next(12)}", "$insurer", $"Assureur {random.Next(6)}",
                "$persons", random.Next(4) == 0 ? $"[\"user{random.Next(15)}\",\"user{random.Next(15)}\"]" : $"[\"user{random.Next(15)}\"]",
                "$profile", random.Next(3) == 0 ? "LU-CAA" : "FR-ACPR", "$clock", DateOnly.FromDateTime(received.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "$acked", received.AddDays(2).UtcTicks, "$answered", answered?.UtcTicks, "$closed", open ? null : received.AddDays(days + 30).UtcTicks,
                "$outcome", answered is null ? null : Outcomes[random.Next(Outcomes.Length)], "$breaches", breaches,
                "$status", open ? OpenStatuses[random.Next(OpenStatuses.Length)] : "Closed", "$reopen", random.Next(33) == 0 ? 1 : 0,
                "$through", random.Next(100) == 0 ? "Caa" : null, "$litigation", random.Next(100) == 0 ? received.AddDays(40).UtcTicks : null);
            await insert.ExecuteNonQueryAsync();
            if (random.Next(20) == 0)
            {
                Set(action, "$id", Guid.NewGuid().ToString().ToUpperInvariant(), "$complaint", id, "$status", random.Next(2) == 0 ? "Open" : "Done",
                    "$due", DateOnly.FromDateTime(received.AddDays(90).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await action.ExecuteNonQueryAsync();
            }

            if (random.Next(50) == 0)
            {
                Set(referral, "$id", Guid.NewGuid().ToString().ToUpperInvariant(), "$complaint", id, "$body", random.Next(2) == 0 ? "Mediator" : "Caa",
                    "$on", DateOnly.FromDateTime(received.AddDays(80).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await referral.ExecuteNonQueryAsync();
            }
        }

        // Written around the register: the dashboard's maintained counts no longer hold, and are rebuilt when next needed.
        await using (var stale = Command(connection, transaction, "DELETE FROM DashboardCountsState")) await stale.ExecuteNonQueryAsync();
        await transaction.CommitAsync(); // no ANALYZE: the application never runs one either
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] pairs)
    {
        command.Parameters.Clear();
        for (var i = 0; i < pairs.Length; i += 2) command.Parameters.AddWithValue((string)pairs[i]!, pairs[i + 1] ?? DBNull.Value);
    }
}
