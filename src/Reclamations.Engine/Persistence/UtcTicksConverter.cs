using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Reclamations.Engine.Persistence;

/// <summary>Stores an instant as its UTC ticks (read back with offset zero).</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
