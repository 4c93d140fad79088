using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Reclamations.Domain.Mail;
using Reclamations.Testing.Mail;

namespace Reclamations.Domain.Tests.Mail;

public sealed class SmtpMailTransportTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private SmtpMailTransport Transport() => new(
        new MailOptions { SmtpHost = smtp.Host, SmtpPort = smtp.Port, SmtpSecurity = SmtpSecurity.None, From = MailSamples.From },
        new FakeTimeProvider(new DateTimeOffset(2026, 5, 14, 8, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task Letter_arrives_with_recipient_reference_and_both_parts()
    {
        var mail = MailSamples.AcknowledgementMail();

        await Transport().SendAsync(mail);
        var received = await smtp.WaitForMessageAsync(mail.MessageId, Wait);

        received.EnvelopeRecipients.Should().Equal("claire.martin@example.fr");
        received.Message.To.Mailboxes.Single().Address.Should().Be("claire.martin@example.fr");
        received.Message.From.Mailboxes.Single().Address.Should().Be("reclamations@exemple-courtage.fr");
        received.Message.Subject.Should().Be("Réclamation REC-2026-0042 – Accusé de réception");
        received.Message.MessageId.Should().Be(mail.MessageId);
        received.Message.Date.Should().Be(new DateTimeOffset(2026, 5, 14, 8, 0, 0, TimeSpan.Zero));

        var body = received.Message.Body.Should().BeOfType<MultipartAlternative>().Subject;
        body.OfType<TextPart>().Select(p => p.ContentType.MimeType).Should().Equal("text/plain", "text/html");
        received.Message.TextBody.Should().Contain("Nous accusons réception de votre réclamation du 2 mai 2026")
            .And.Contain("au plus tard le 2 juillet 2026");
        received.Message.HtmlBody.Should().Contain("<title>Réclamation REC-2026-0042")
            .And.Contain("examinée de manière impartiale")
            .And.Contain("Julien Petit");
    }

    [Fact]
    public async Task Attachments_travel_beside_the_alternative_body()
    {
        var mail = new OutgoingMail(
            MailMessageIds.New(MailSamples.Reference, "exemple-courtage.fr"),
            MailSamples.Reference,
            "claire.martin@example.fr",
            $"Réclamation {MailSamples.Reference}",
            "<p>Voir pièce jointe</p>",
            "Voir pièce jointe\n",
            [new MailAttachment("courrier.txt", "text/plain", "Copie du courrier"u8.ToArray())]);

        await Transport().SendAsync(mail);
        var received = await smtp.WaitForMessageAsync(mail.MessageId, Wait);

        received.Message.Body.Should().BeOfType<Multipart>().Which.ContentType.MimeType.Should().Be("multipart/mixed");
        received.Message.Attachments.OfType<MimePart>().Single().FileName.Should().Be("courrier.txt");
        received.Message.TextBody.Should().Contain("Voir pièce jointe");
        received.Message.HtmlBody.Should().Contain("Voir pièce jointe");
    }
}
