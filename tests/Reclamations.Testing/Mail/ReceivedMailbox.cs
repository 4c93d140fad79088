namespace Reclamations.Testing.Mail;

/// <summary>Every message the test SMTP server received, in arrival order; safe to use from any thread.</summary>
public sealed class ReceivedMailbox
{
    private readonly object _gate = new();
    private readonly List<ReceivedMail> _messages = [];
    private readonly List<(Func<ReceivedMail, bool> Match, TaskCompletionSource<ReceivedMail> Arrived)> _waiters = [];

    public void Add(ReceivedMail mail)
    {
        List<TaskCompletionSource<ReceivedMail>> arrived;
        lock (_gate)
        {
            _messages.Add(mail);
            arrived = _waiters.Where(w => w.Match(mail)).Select(w => w.Arrived).ToList();
            _waiters.RemoveAll(w => arrived.Contains(w.Arrived));
        }

        foreach (var waiter in arrived)
        {
            waiter.TrySetResult(mail);
        }
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> Snapshot()
    {
        lock (_gate)
        {
            return _messages.ToList();
        }
    }

    /// <summary>The first message matching <paramref name="match"/>, received already or within <paramref name="timeout"/>;
    /// null when none came.</summary>
    public async Task<ReceivedMail?> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan timeout)
    {
        var arrived = new TaskCompletionSource<ReceivedMail>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var received = _messages.FirstOrDefault(match);
            if (received is not null) return received;
            _waiters.Add((match, arrived));
        }

        try
        {
            return await arrived.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Arrived == arrived);
            }

            return null;
        }
    }
}
