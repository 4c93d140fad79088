namespace Reclamations.Domain.Mail;

/// <summary>A file joined to a mail (e.g. the letter as PDF).</summary>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
