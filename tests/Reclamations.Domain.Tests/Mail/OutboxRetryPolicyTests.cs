using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

public sealed class OutboxRetryPolicyTests
{
    private static readonly DateTimeOffset FailedAt = new(2026, 5, 14, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    [InlineData(5, 360)]
    [InlineData(6, 1440)]
    public void Default_schedule(int failedAttempts, int minutes) =>
        OutboxRetryPolicy.Default.NextAttemptAt(failedAttempts, FailedAt).Should().Be(FailedAt.AddMinutes(minutes));

    [Fact]
    public void Gives_up_at_the_maximum_number_of_attempts()
    {
        OutboxRetryPolicy.Default.MaxAttempts.Should().Be(7);
        OutboxRetryPolicy.Default.NextAttemptAt(7, FailedAt).Should().BeNull();
    }

    [Fact]
    public void Rejects_empty_or_non_positive_delays()
    {
        FluentActions.Invoking(() => new OutboxRetryPolicy([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new OutboxRetryPolicy([TimeSpan.Zero])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => OutboxRetryPolicy.Default.NextAttemptAt(0, FailedAt)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
