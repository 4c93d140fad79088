namespace Reclamations.Domain.Register;

/// <summary>No complaint (or corrective action) with that id or reference.</summary>
public sealed class ComplaintNotFoundException(string message) : Exception(message);
