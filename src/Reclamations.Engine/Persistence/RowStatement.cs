using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Sqlite.Metadata;

namespace Reclamations.Engine.Persistence;

/// <summary>The SQL of one (entity type, operation), generated once from EF metadata, and which properties feed its
/// parameters: <see cref="Values"/> (current values), then <see cref="Keys"/> (key), then <see cref="Tokens"/>
/// (concurrency tokens' original values). <see cref="Generated"/> is a key SQLite assigns (read back by RETURNING).</summary>
internal sealed class RowStatement
{
    private static readonly ConcurrentDictionary<(IEntityType, RowOperation), RowStatement> Cache = new();

    private RowStatement(string sql, IProperty[] values, IProperty[] keys, IProperty[] tokens, IProperty? generated)
    {
        Sql = sql;
        Values = values;
        Keys = keys;
        Tokens = tokens;
        Generated = generated;
    }

    public string Sql { get; }
    public IProperty[] Values { get; }
    public IProperty[] Keys { get; }
    public IProperty[] Tokens { get; }
    public IProperty? Generated { get; }

    /// <summary>Rows of UPDATE and DELETE must each match exactly one row (key and original concurrency tokens).</summary>
    public bool ChecksRowCount => Keys.Length > 0;

    private static readonly ConcurrentDictionary<(IEntityType, ulong), RowStatement> UpdateCache = new();

    public static RowStatement For(IEntityType type, RowOperation operation) =>
        Cache.GetOrAdd((type, operation), static k => Build(k.Item1, k.Item2, null));

    /// <summary>The UPDATE of the properties in <paramref name="modified"/> (bit i: the i-th of <c>GetProperties()</c>) only, as
    /// EF's own update pipeline does: SQLite rewrites the entry of every index whose column is in the SET list, even with an
    /// unchanged value, so an UPDATE that set every column wrote a page of each index of the table (business key…).</summary>
    public static RowStatement ForUpdate(IEntityType type, ulong modified) =>
        UpdateCache.GetOrAdd((type, modified), static k => Build(k.Item1, RowOperation.Update, k.Item2));

    /// <summary>The bit mask of <paramref name="entry"/>'s modified non-key properties for <see cref="ForUpdate"/>; 0 when there
    /// is none or the type has more than 64 properties (then every column is set).</summary>
    public static ulong ModifiedMask(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var properties = entry.Metadata.GetProperties();
        ulong mask = 0;
        var i = 0;
        foreach (var property in properties)
        {
            if (i == 64) return 0;
            if (!property.IsPrimaryKey() && entry.Property(property).IsModified) mask |= 1UL << i;
            i++;
        }
        return mask;
    }

    private static RowStatement Build(IEntityType type, RowOperation operation, ulong? modified)
    {
        if (type.BaseType is not null || type.IsOwned() || type.GetDerivedTypes().Any())
            throw new NotSupportedException($"{type.DisplayName()}: inheritance and owned types are not supported by {nameof(EngineRowWriter)}.");
        var table = Quote(type.GetTableName() ?? throw new NotSupportedException($"{type.DisplayName()} is not mapped to a table."));
        var properties = type.GetProperties().ToArray();
        var key = type.FindPrimaryKey()?.Properties.ToArray()
            ?? throw new NotSupportedException($"{type.DisplayName()} has no primary key.");
        var tokens = properties.Where(p => p.IsConcurrencyToken).ToArray();
        var parameter = 0;
        string Next() => $"$p{parameter++}";
        string Where() =>
            string.Join(" AND ", key.Concat(tokens).Select(p => $"{Quote(p.GetColumnName())} = {Next()}"));
        switch (operation)
        {
            case RowOperation.Insert:
            {
                var generated = key.Length == 1 && key[0].GetValueGenerationStrategy() == SqliteValueGenerationStrategy.Autoincrement
                    ? key[0]
                    : null;
                var values = properties.Where(p => p != generated).ToArray();
                var sql = $"INSERT INTO {table} ({string.Join(", ", values.Select(p => Quote(p.GetColumnName())))}) " +
                          $"VALUES ({string.Join(", ", values.Select(_ => Next()))})" +
                          (generated is null ? "" : $" RETURNING {Quote(generated.GetColumnName())}");
                return new RowStatement(sql, values, [], [], generated);
            }
            case RowOperation.Update:
            {
                var values = properties.Where((p, i) => !p.IsPrimaryKey() && (modified is not { } mask || (mask & (1UL << i)) != 0)).ToArray();
                var sql = $"UPDATE {table} SET {string.Join(", ", values.Select(p => $"{Quote(p.GetColumnName())} = {Next()}"))} " +
                          $"WHERE {Where()}";
                return new RowStatement(sql, values, key, tokens, null);
            }
            default:
                return new RowStatement($"DELETE FROM {table} WHERE {Where()}", [], key, tokens, null);
        }
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
