namespace Reclamations.Domain.Register;

/// <summary>The complaint was changed by someone else since it was read; nothing was stored.</summary>
public sealed class ComplaintConflictException(string message, Exception? inner = null) : Exception(message, inner);
