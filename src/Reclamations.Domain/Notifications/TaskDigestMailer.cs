using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Mail;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Domain.Notifications;

/// <summary>One run of the digest of new group tasks: for each recipient, the open, unclaimed tasks offered to one of
/// their groups that were created since the last run and that the engine lets them see (the task query runs with their
/// own actor, so a restricted instance — the litigation — never reaches a non-reader), in ONE French mail through the
/// outbox. The mails, the tasks listed and the new watermark commit in one transaction: a restart or a second run sends
/// nothing twice. The very first run only sets the watermark (what existed before is not new).</summary>
public sealed class TaskDigestMailer(ProcessEngine engine, IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time,
    TaskDigestOptions options, FirmSettings firm, MailOptions mail)
{
    private const int PageSize = 500;

    /// <summary>Runs once; returns how many digests were queued.</summary>
    public async Task<int> RunAsync(IReadOnlyList<DigestRecipient> recipients, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.TaskDigestStates.FirstOrDefaultAsync(s => s.Id == TaskDigestState.SingletonId, ct);
        if (state is null)
        {
            db.TaskDigestStates.Add(new TaskDigestState { Watermark = now, StartedAt = now });
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var from = Max(state.Watermark - options.Overlap, state.StartedAt);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(firm.TimeZoneId);
        var sent = 0;
        foreach (var recipient in recipients)
        {
            var listed = (await db.TaskDigestEntries.AsNoTracking().Where(e => e.UserId == recipient.UserId).Select(e => e.TaskId)
                .ToListAsync(ct)).ToHashSet();
            var tasks = await NewTasksAsync(new Actor(recipient.UserId, recipient.Groups), from, now, listed, ct);
            if (tasks.Count == 0) continue;
            var (subject, html, text) = TaskDigestMail.Compose(recipient, tasks, options.BaseUrl, firm, zone);
            OutboxWriter.Enqueue(db, new OutgoingMail(MailMessageIds.New("digest", NotifyHandler.MailDomain(mail)), TaskDigestMail.Reference,
                recipient.Email, subject, html, text), complaintId: null, now);
            db.TaskDigestEntries.AddRange(tasks.Select(t => new TaskDigestEntry { UserId = recipient.UserId, TaskId = t.Id, TaskCreatedAt = t.CreatedAt }));
            sent++;
        }
        state.Watermark = now;
        var forgotten = now - options.Overlap;
        db.TaskDigestEntries.RemoveRange(await db.TaskDigestEntries.Where(e => e.TaskCreatedAt < forgotten).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        return sent;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The open, unclaimed tasks of the actor's groups created in [<paramref name="from"/>, <paramref name="until"/>]
    /// and not listed yet, by due date.</summary>
    private async Task<List<TaskInfo>> NewTasksAsync(Actor actor, DateTimeOffset from, DateTimeOffset until, HashSet<Guid> listed,
        CancellationToken ct)
    {
        var found = new Dictionary<Guid, TaskInfo>();
        foreach (var group in actor.Groups.Order(StringComparer.Ordinal))
        {
            for (var skip = 0; ; skip += PageSize)
            {
                var page = await engine.QueryTasksAsync(new TaskQuery(CandidateGroup: group, Skip: skip, Take: PageSize), actor, ct);
                foreach (var task in page)
                    if (task.Assignee is null && task.CreatedAt >= from && task.CreatedAt <= until && !listed.Contains(task.Id))
                        found.TryAdd(task.Id, task);
                if (page.Count < PageSize) break;
            }
        }
        return found.Values.OrderBy(t => t.DueDate ?? DateTimeOffset.MaxValue).ThenBy(t => t.CreatedAt).ToList();
    }
}
