using MimeKit;

namespace Reclamations.Testing.Mail;

/// <summary>A message as the test SMTP server received it, with its envelope recipients.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeRecipients);
