namespace Reclamations.Domain.Documents;

public sealed class DocumentNotFoundException(string message) : Exception(message);
