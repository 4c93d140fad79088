using Reclamations.Domain.Mail;

namespace Reclamations.Domain.Tests.Mail;

public sealed class OutgoingMailTests
{
    [Fact]
    public void Subject_must_contain_the_complaint_reference()
    {
        var act = () => new OutgoingMail("a.1@exemple.fr", "REC-2026-0042", "c@exemple.fr", "Votre réclamation", "<p>x</p>", "x");

        act.Should().Throw<ArgumentException>().WithMessage("*REC-2026-0042*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<a@b>")]
    [InlineData("no-at-sign")]
    [InlineData("../../etc/passwd@x")]
    public void Message_id_must_be_safe_as_header_and_file_name(string messageId)
    {
        var act = () => MailSamples.SimpleMail(messageId);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void New_message_ids_are_valid_and_unique()
    {
        var first = MailMessageIds.New("REC 2026/0042", "exemple-courtage.fr");
        var second = MailMessageIds.New("REC 2026/0042", "exemple-courtage.fr");

        first.Should().StartWith("REC-2026-0042.").And.EndWith("@exemple-courtage.fr").And.NotBe(second);
        FluentActions.Invoking(() => MailSamples.SimpleMail(first)).Should().NotThrow();
    }
}
