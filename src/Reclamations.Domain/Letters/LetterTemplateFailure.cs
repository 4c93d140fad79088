namespace Reclamations.Domain.Letters;

/// <summary>Raised by the <c>fail</c> template helper (e.g. an unknown deadline profile).</summary>
internal sealed class LetterTemplateFailure(string message) : Exception(message);
