namespace Reclamations.Engine.Persistence;

/// <summary>What <see cref="EngineRowWriter"/> does with a tracked row.</summary>
internal enum RowOperation { Insert, Update, Delete }
