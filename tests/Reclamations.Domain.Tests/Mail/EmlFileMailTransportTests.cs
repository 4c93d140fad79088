using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

public sealed class EmlFileMailTransportTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("eml-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private MailOptions Options => new() { From = MailSamples.From, DataDirectory = _dataDirectory };

    private EmlFileMailTransport Transport() => new(Options, new FakeTimeProvider());

    [Fact]
    public async Task Writes_the_message_under_outbox_named_after_its_message_id()
    {
        var mail = MailSamples.AcknowledgementMail();

        await Transport().SendAsync(mail);

        var path = Path.Combine(_dataDirectory, "outbox", mail.MessageId + ".eml");
        var message = await MimeMessage.LoadAsync(path);
        message.MessageId.Should().Be(mail.MessageId);
        message.Subject.Should().Contain("REC-2026-0042");
        message.Body.Should().BeOfType<MultipartAlternative>();
        message.TextBody.Should().Contain("Nous accusons réception");
    }

    [Fact]
    public async Task Sending_the_same_message_id_again_neither_overwrites_nor_duplicates()
    {
        var transport = Transport();
        await transport.SendAsync(MailSamples.SimpleMail("same.1@exemple.fr", "premier envoi"));

        await transport.SendAsync(MailSamples.SimpleMail("same.1@exemple.fr", "second envoi"));
        await transport.SendAsync(MailSamples.SimpleMail("same.1@exemple.fr", "troisième envoi"));

        var files = Directory.GetFiles(Path.Combine(_dataDirectory, "outbox"), "*", SearchOption.AllDirectories);
        files.Should().ContainSingle().Which.Should().EndWith("same.1@exemple.fr.eml");
        (await MimeMessage.LoadAsync(files[0])).TextBody.Should().Contain("premier envoi");
    }

    [Fact]
    public async Task Concurrent_sends_of_one_message_id_leave_one_file()
    {
        var transport = Transport();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => transport.SendAsync(MailSamples.SimpleMail("race@exemple.fr", $"envoi {i}")))));

        Directory.GetFiles(Path.Combine(_dataDirectory, "outbox")).Should().ContainSingle();
    }

    [Fact]
    public void Factory_writes_files_without_smtp_host_and_uses_smtp_with_one()
    {
        MailTransportFactory.Create(Options, TimeProvider.System).Should().BeOfType<EmlFileMailTransport>()
            .Which.Directory.Should().Be(Path.Combine(_dataDirectory, "outbox"));
        MailTransportFactory.Create(Options with { SmtpHost = "smtp.exemple.fr" }, TimeProvider.System)
            .Should().BeOfType<SmtpMailTransport>();
    }
}
