using MimeKit;

namespace Reclamations.Domain.Tests.Mail;

/// <summary>A message as the test SMTP server received it, with its envelope recipients.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeRecipients);
