using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Mail;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Persistence;

public sealed class EfOutboxStoreTests
{
    private static async Task<(SentLetter Letter, OutboxMessageEntity Message)> SendLetterAsync(DomainDatabase database, Complaint complaint, string messageId)
    {
        await using var db = database.Open();
        var now = database.Clock.GetUtcNow();
        var mail = new OutgoingMail(messageId, complaint.Reference, "claire.martin@example.fr",
            $"Votre réclamation {complaint.Reference}", "<p>Bonjour</p>", "Bonjour");
        var message = OutboxWriter.Enqueue(db, mail, complaint.Id, now);
        var letter = SentLetter.Create(complaint.Id, "accuse-reception", mail.To, mail.Subject, mail.Html, mail.PlainText, now, message.Id);
        db.SentLetters.Add(letter);
        await db.SaveChangesAsync();
        return (letter, message);
    }

    private static MailOutbox Outbox(DomainDatabase database, IMailTransport transport, OutboxRetryPolicy? policy = null) =>
        new(new EfOutboxStore(database.Factory), transport, database.Clock, policy ?? OutboxRetryPolicy.Default, NullLogger<MailOutbox>.Instance);

    [Fact]
    public async Task A_letter_and_its_mail_are_stored_together_and_the_mail_is_due_at_once()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var (letter, message) = await SendLetterAsync(database, complaint, "REC-2026-00001.a@exemple.fr");

        var due = await new EfOutboxStore(database.Factory).GetDueAsync(database.Clock.GetUtcNow(), 10);

        var item = due.Should().ContainSingle().Which;
        item.Id.Should().Be(message.Id);
        item.Status.Should().Be(OutboxStatus.Pending);
        item.Mail.MessageId.Should().Be("REC-2026-00001.a@exemple.fr");
        item.Mail.ComplaintReference.Should().Be(complaint.Reference);
        item.Mail.Subject.Should().Contain(complaint.Reference);
        item.CreatedAt.Should().Be(database.Clock.GetUtcNow());
        (await new ComplaintRegister(database.Factory, database.Clock).GetAsync(complaint.Id)).Letters
            .Should().ContainSingle().Which.Should().BeEquivalentTo(new { letter.Id, letter.Sha256, Sent = false });
    }

    [Fact]
    public async Task Sending_marks_the_mail_sent_and_stamps_the_letter()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var (letter, message) = await SendLetterAsync(database, complaint, "REC-2026-00001.b@exemple.fr");
        var transport = new RecordingTransport(database.Clock);

        (await Outbox(database, transport).ProcessDueAsync()).Should().Be(new OutboxRunResult(1, 0, 0));
        (await Outbox(database, transport).ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 0, 0));

        transport.Attempts.Should().ContainSingle();
        await using var db = database.Open();
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
        row.Status.Should().Be(OutboxStatus.Sent);
        row.SentAt.Should().Be(database.Clock.GetUtcNow());
        row.Attempts.Should().Be(1);
        (await db.SentLetters.SingleAsync(l => l.Id == letter.Id)).SentAt.Should().Be(database.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Failures_back_off_then_fail_for_good()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var (_, message) = await SendLetterAsync(database, complaint, "REC-2026-00001.c@exemple.fr");
        var transport = new RecordingTransport(database.Clock, failures: int.MaxValue);
        var policy = new OutboxRetryPolicy([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)]);
        var outbox = Outbox(database, transport, policy);
        var start = database.Clock.GetUtcNow();

        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 1, 0));
        database.Clock.Advance(TimeSpan.FromSeconds(59));
        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 0, 0));
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 1, 0));
        await using (var db = database.Open())
        {
            var row = await db.OutboxMessages.SingleAsync(m => m.Id == message.Id);
            row.Attempts.Should().Be(2);
            row.NextAttemptAt.Should().Be(start + TimeSpan.FromMinutes(6));
            row.LastError.Should().Contain("SMTP server unreachable");
        }

        database.Clock.Advance(TimeSpan.FromMinutes(5));
        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 0, 1));
        database.Clock.Advance(TimeSpan.FromDays(1));
        (await outbox.ProcessDueAsync()).Should().Be(new OutboxRunResult(0, 0, 0));

        transport.Attempts.Select(a => a.At - start).Should().Equal(TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(6));
        await using var check = database.Open();
        (await check.OutboxMessages.SingleAsync()).Status.Should().Be(OutboxStatus.Failed);
        (await check.SentLetters.SingleAsync()).SentAt.Should().BeNull();
    }

    [Fact]
    public async Task Due_items_come_oldest_first_up_to_the_maximum()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await SendLetterAsync(database, complaint, $"REC-2026-00001.m{i}@exemple.fr")).Message.Id);
            database.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var due = await new EfOutboxStore(database.Factory).GetDueAsync(database.Clock.GetUtcNow(), 2);

        due.Select(d => d.Id).Should().Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task A_message_id_is_stored_once_and_a_sent_letter_cannot_be_changed()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var complaint = await new ComplaintRegister(database.Factory, database.Clock).RegisterAsync(Complaints.Valid(), "sophie");
        await SendLetterAsync(database, complaint, "REC-2026-00001.d@exemple.fr");

        await FluentActions.Invoking(() => SendLetterAsync(database, complaint, "REC-2026-00001.d@exemple.fr"))
            .Should().ThrowAsync<DbUpdateException>();

        await using var db = database.Open();
        (await db.SentLetters.CountAsync()).Should().Be(1, "the letter and its mail are saved together or not at all");
        var letter = await db.SentLetters.SingleAsync();
        db.Entry(letter).Property(l => l.Html).CurrentValue = "<p>Autre texte</p>";
        await FluentActions.Invoking(() => db.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");
        db.ChangeTracker.Clear();
        db.SentLetters.Remove(await db.SentLetters.SingleAsync());
        await FluentActions.Invoking(() => db.SaveChangesAsync()).Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");
    }
}
