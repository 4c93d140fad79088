namespace Reclamations.Domain.Persistence;

/// <summary>The last complaint number given in a year; incremented in the registration's transaction.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; init; }

    public int Last { get; set; }
}
