using Microsoft.Extensions.Configuration;
using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

public sealed class MailOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void Binds_every_key()
    {
        var options = MailOptions.FromConfiguration(Configuration(
            ("Mail:Smtp:Host", "smtp.exemple.fr"),
            ("Mail:Smtp:Port", "465"),
            ("Mail:Smtp:Security", "SslOnConnect"),
            ("Mail:Smtp:User", "robot"),
            ("Mail:Smtp:Password", "secret"),
            ("Mail:From", "reclamations@exemple.fr"),
            ("Storage:DataDirectory", "/var/lib/reclamations")));

        options.Should().BeEquivalentTo(new MailOptions
        {
            SmtpHost = "smtp.exemple.fr",
            SmtpPort = 465,
            SmtpSecurity = SmtpSecurity.SslOnConnect,
            SmtpUser = "robot",
            SmtpPassword = "secret",
            From = "reclamations@exemple.fr",
            DataDirectory = "/var/lib/reclamations",
        });
        options.UsesSmtp.Should().BeTrue();
        options.OutboxDirectory.Should().Be("/var/lib/reclamations/outbox");
    }

    [Fact]
    public void Defaults_to_eml_files_under_data()
    {
        var options = MailOptions.FromConfiguration(Configuration(("Mail:From", "reclamations@exemple.fr")));

        options.UsesSmtp.Should().BeFalse();
        options.DataDirectory.Should().Be("data");
        options.OutboxDirectory.Should().Be(Path.Combine("data", "outbox"));
        options.SmtpPort.Should().Be(587);
        options.SmtpSecurity.Should().Be(SmtpSecurity.StartTls);
    }

    [Theory]
    [InlineData("Mail:Smtp:Security", "Tls")]
    [InlineData("Mail:Smtp:Security", "7")]
    [InlineData("Mail:Smtp:Port", "abc")]
    [InlineData("Mail:Smtp:Port", "70000")]
    public void A_bad_value_names_its_key(string key, string value)
    {
        var act = () => MailOptions.FromConfiguration(Configuration(("Mail:From", "a@b.fr"), (key, value)));

        act.Should().Throw<InvalidOperationException>().WithMessage($"*'{key}'*");
    }

    [Fact]
    public void From_is_required() =>
        FluentActions.Invoking(() => MailOptions.FromConfiguration(Configuration()))
            .Should().Throw<InvalidOperationException>().WithMessage("*Mail:From*");
}
