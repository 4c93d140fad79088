using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Reclamations.Domain.Persistence;

/// <summary>Stores an instant as its UTC ticks (read back with offset zero), like the engine's store.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
