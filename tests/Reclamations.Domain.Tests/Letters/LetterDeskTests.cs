using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Domain.Tests.Support;

namespace Reclamations.Domain.Tests.Letters;

/// <summary>The letters desk: a letter kept for printing is listed until it is marked posted, the posting day is set once
/// and must lie between the day it was written and today, and it is audited.</summary>
public sealed class LetterDeskTests
{
    [Fact]
    public async Task A_printed_letter_is_marked_posted_once_within_its_bounds_and_audited()
    {
        await using var database = await DomainDatabase.CreateAsync();
        var register = new ComplaintRegister(database.Factory, database.Clock);
        var complaint = await register.RegisterAsync(Complaints.Valid(), "sophie");
        var letter = SentLetter.Create(complaint.Id, "invitation-ecrit", "M. X (courrier postal)", "Invitation", "<p>x</p>", "x",
            database.Clock.GetUtcNow(), outboxMessageId: null);
        await using (var db = database.Open())
        {
            db.SentLetters.Add(letter);
            await db.SaveChangesAsync();
        }
        var desk = new LetterDesk(database.Factory, database.Clock, LetterSamples.Firm);
        (await desk.ToPrintAsync()).Should().ContainSingle().Which.Reference.Should().Be(complaint.Reference);

        var today = DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime);
        await FluentActions.Awaiting(() => desk.MarkPostedAsync(letter.Id, today.AddDays(1), "paul"))
            .Should().ThrowAsync<RegisterValidationException>().WithMessage("*postedOn*");
        await FluentActions.Awaiting(() => desk.MarkPostedAsync(letter.Id, today.AddDays(-1), "paul"))
            .Should().ThrowAsync<RegisterValidationException>();

        await desk.MarkPostedAsync(letter.Id, today, "paul");
        await desk.MarkPostedAsync(letter.Id, today, "paul");

        (await desk.ToPrintAsync()).Should().BeEmpty();
        await using var check = database.Open();
        (await check.SentLetters.SingleAsync()).SentAt.Should().NotBeNull();
        (await check.AuditEntries.Where(a => a.Action.StartsWith("Courrier posté")).ToListAsync())
            .Should().ContainSingle().Which.User.Should().Be("paul");
    }
}
