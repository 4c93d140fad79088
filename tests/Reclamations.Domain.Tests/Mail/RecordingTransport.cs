using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

/// <summary>Records each send attempt; fails the first <c>failures</c> attempts.</summary>
internal sealed class RecordingTransport(TimeProvider clock, int failures = 0) : IMailTransport
{
    private int _remainingFailures = failures;

    public List<(string MessageId, DateTimeOffset At)> Attempts { get; } = [];

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Attempts.Add((mail.MessageId, clock.GetUtcNow()));
        if (_remainingFailures > 0)
        {
            _remainingFailures--;
            throw new IOException("SMTP server unreachable");
        }

        return Task.CompletedTask;
    }
}
