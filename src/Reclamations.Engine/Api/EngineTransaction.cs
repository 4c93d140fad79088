using System.Data.Common;

namespace Reclamations.Engine.Api;

/// <summary>The engine's open connection and transaction, lent to the caller's code so that its own writes commit
/// (or roll back) with the engine's step.</summary>
public sealed record EngineTransaction(DbConnection Connection, DbTransaction Transaction, DateTimeOffset Now, IServiceProvider Services);

/// <summary>What a start prepared in the caller's transaction gives the engine.</summary>
public sealed record ProcessStart(string? BusinessKey, IReadOnlyDictionary<string, object?>? Variables);
