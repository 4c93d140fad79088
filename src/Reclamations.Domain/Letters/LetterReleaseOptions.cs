namespace Reclamations.Domain.Letters;

/// <summary>Whether letters wait for a complete firm identity (<see cref="FirmIdentityCheck"/>): on everywhere but in
/// Development, where the placeholder identity lets the demo run.</summary>
public sealed record LetterReleaseOptions(bool RequireCompleteIdentity);
