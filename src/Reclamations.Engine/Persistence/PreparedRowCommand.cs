using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Reclamations.Engine.Persistence;

/// <summary>One <see cref="RowStatement"/> on the command's connection, executed once per row: the parameters are
/// created by the properties' type mappings for the first row, and only their values are replaced for the next ones.</summary>
internal sealed class PreparedRowCommand(DbConnection connection, DbTransaction transaction, RowStatement statement)
    : IAsyncDisposable
{
    private readonly DbCommand _command = Create(connection, transaction, statement);
    private DbParameter[]? _parameters;

    public async Task ExecuteAsync(EntityEntry entry, CancellationToken ct)
    {
        var values = new object?[statement.Values.Length + statement.Keys.Length + statement.Tokens.Length];
        var properties = new IProperty[values.Length];
        var i = 0;
        foreach (var p in statement.Values) (properties[i], values[i++]) = (p, entry.CurrentValues[p]);
        foreach (var p in statement.Keys) (properties[i], values[i++]) = (p, entry.OriginalValues[p]);
        foreach (var p in statement.Tokens) (properties[i], values[i++]) = (p, entry.OriginalValues[p]);
        Bind(properties, values);
        if (statement.Generated is { } generated)
        {
            var id = await _command.ExecuteScalarAsync(ct);
            var mapping = generated.GetRelationalTypeMapping();
            var value = mapping.Converter is { } converter ? converter.ConvertFromProvider(id) : id;
            var property = entry.Property(generated.Name);
            property.CurrentValue = Convert.ChangeType(value, Nullable.GetUnderlyingType(generated.ClrType) ?? generated.ClrType,
                System.Globalization.CultureInfo.InvariantCulture);
            property.IsTemporary = false;
            return;
        }
        var rows = await _command.ExecuteNonQueryAsync(ct);
        if (statement.ChecksRowCount && rows != 1)
            throw new DbUpdateConcurrencyException(
                $"{entry.Metadata.DisplayName()}: the row was changed or deleted by someone else meanwhile ({rows} rows matched).");
    }

    private void Bind(IProperty[] properties, object?[] values)
    {
        if (_parameters is null)
        {
            _parameters = new DbParameter[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                _parameters[i] = properties[i].GetRelationalTypeMapping()
                    .CreateParameter(_command, $"$p{i}", values[i], properties[i].IsNullable);
                _command.Parameters.Add(_parameters[i]);
            }
            return;
        }
        for (var i = 0; i < values.Length; i++) _parameters[i].Value = ToProvider(properties[i], values[i]) ?? DBNull.Value;
    }

    /// <summary>What <see cref="RelationalTypeMapping.CreateParameter"/> puts in the parameter's value.</summary>
    private static object? ToProvider(IProperty property, object? value)
    {
        if (value is null) return null;
        var mapping = property.GetRelationalTypeMapping();
        if (mapping.Converter is { } converter) return converter.ConvertToProvider(value);
        return value.GetType().IsEnum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, RowStatement statement)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        return command;
    }
}
