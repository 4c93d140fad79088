using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reclamations.Engine.Persistence;

/// <summary>Writes a command's history rows. On SQLite, one multi-row INSERT per 500 rows (EF would send one
/// statement per row, and a step writes a dozen); elsewhere through the context.</summary>
internal static class HistoryWriter
{
    private const int RowsPerStatement = 500;

    private static readonly string[] Columns =
    [
        "ProcessInstanceId", "Timestamp", "EventType", "ActivityId", "ActivityType", "ExecutionId", "TaskId", "UserId",
        "VariableName", "Value", "Details",
    ];

    public static async Task WriteAsync(DbContext db, IReadOnlyList<HistoryEventEntity> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        if (!db.Database.IsSqlite())
        {
            db.Set<HistoryEventEntity>().AddRange(rows);
            await db.SaveChangesAsync(ct);
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var offset = 0; offset < rows.Count; offset += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var chunk = rows.Skip(offset).Take(RowsPerStatement).ToList();
            var values = new List<string>(chunk.Count);
            for (var r = 0; r < chunk.Count; r++)
            {
                var row = chunk[r];
                object?[] cells =
                [
                    Text(row.ProcessInstanceId), row.Timestamp.UtcTicks, row.EventType, row.ActivityId, row.ActivityType,
                    Text(row.ExecutionId), Text(row.TaskId), row.UserId, row.VariableName, row.Value, row.Details,
                ];
                var names = new string[cells.Length];
                for (var c = 0; c < cells.Length; c++)
                {
                    names[c] = $"$p{r}_{c}";
                    Add(command, names[c], cells[c]);
                }
                values.Add("(" + string.Join(",", names) + ")");
            }
            command.CommandText = $"INSERT INTO \"History\" ({string.Join(",", Columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(",", values)}";
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The text form EF Core's SQLite provider stores GUIDs in (upper case), so that queries match.</summary>
    private static string? Text(Guid? id) => id?.ToString().ToUpperInvariant();

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
