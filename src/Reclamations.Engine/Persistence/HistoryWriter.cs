using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reclamations.Engine.Persistence;

/// <summary>Writes a command's history rows. On SQLite, one prepared INSERT executed once per row (EF would build and
/// prepare a statement per row; a step writes a dozen); elsewhere through the context.</summary>
internal static class HistoryWriter
{
    private static readonly string[] Columns =
    [
        "ProcessInstanceId", "Timestamp", "EventType", "ActivityId", "ActivityType", "ExecutionId", "TaskId", "UserId",
        "VariableName", "Value", "Details", "ReaderGroups",
    ];

    private static readonly string InsertSql =
        $"INSERT INTO \"History\" ({string.Join(",", Columns.Select(c => $"\"{c}\""))}) " +
        $"VALUES ({string.Join(",", Columns.Select((_, i) => $"$p{i}"))})";

    public static async Task WriteAsync(DbContext db, IReadOnlyList<HistoryEventEntity> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (!db.Database.IsSqlite())
        {
            db.Set<HistoryEventEntity>().AddRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = InsertSql;
        var parameters = Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var row in rows)
        {
            Set(parameters[0], Text(row.ProcessInstanceId));
            Set(parameters[1], row.Timestamp.UtcTicks);
            Set(parameters[2], row.EventType);
            Set(parameters[3], row.ActivityId);
            Set(parameters[4], row.ActivityType);
            Set(parameters[5], Text(row.ExecutionId));
            Set(parameters[6], Text(row.TaskId));
            Set(parameters[7], row.UserId);
            Set(parameters[8], row.VariableName);
            Set(parameters[9], row.Value);
            Set(parameters[10], row.Details);
            Set(parameters[11], row.ReaderGroups);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The text form EF Core's SQLite provider stores GUIDs in (upper case), so that queries match.</summary>
    private static string? Text(Guid? id) => id?.ToString().ToUpperInvariant();

    private static void Set(DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;
}
