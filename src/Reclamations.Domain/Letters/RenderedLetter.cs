namespace Reclamations.Domain.Letters;

/// <summary>A letter ready to send or print: the subject is the template's HTML <c>&lt;title&gt;</c>.</summary>
public sealed record RenderedLetter(string? Subject, string Html, string PlainText);
