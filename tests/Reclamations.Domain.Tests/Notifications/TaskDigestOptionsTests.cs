using Microsoft.Extensions.Configuration;
using Reclamations.Domain.Notifications;

namespace Reclamations.Domain.Tests.Notifications;

/// <summary>The digest settings: minutes (0 = off), an absolute http(s) base address; a bad value names its key.</summary>
public sealed class TaskDigestOptionsTests
{
    private static TaskDigestOptions Read(params (string Key, string Value)[] settings) => TaskDigestOptions.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
        defaultIntervalMinutes: 0);

    [Fact]
    public void Off_by_default_and_on_with_an_interval()
    {
        Read().Enabled.Should().BeFalse();
        var on = Read(("Notifications:TaskDigest:IntervalMinutes", "15"), ("Notifications:TaskDigest:BaseUrl", "https://bo.exemple.fr/"));
        on.Interval.Should().Be(TimeSpan.FromMinutes(15));
        on.BaseUrl.Should().Be("https://bo.exemple.fr");
    }

    [Theory]
    [InlineData("Notifications:TaskDigest:IntervalMinutes", "-5", "*IntervalMinutes*-5*")]
    [InlineData("Notifications:TaskDigest:IntervalMinutes", "PT15M", "*IntervalMinutes*PT15M*")]
    [InlineData("Notifications:TaskDigest:BaseUrl", "ftp://bo.exemple.fr", "*BaseUrl*ftp://bo.exemple.fr*")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value, string message)
    {
        FluentActions.Invoking(() => Read((key, value))).Should().Throw<InvalidOperationException>().WithMessage(message);
    }
}
