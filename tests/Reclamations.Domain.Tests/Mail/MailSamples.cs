using Reclamations.Domain.Mail;
using Reclamations.Domain.Tests.Letters;

namespace Reclamations.Domain.Tests.Mail;

internal static class MailSamples
{
    public const string Reference = "REC-2026-0042";
    public const string From = "Cabinet Exemple Courtage <reclamations@exemple-courtage.fr>";

    /// <summary>The real acknowledgement letter, as a mail to the complainant.</summary>
    public static OutgoingMail AcknowledgementMail(string? messageId = null)
    {
        var letter = LetterSamples.Renderer().Render("accuse-reception", LetterSamples.CompleteModel());
        return new OutgoingMail(
            messageId ?? MailMessageIds.New(Reference, "exemple-courtage.fr"),
            Reference,
            "Claire Martin <claire.martin@example.fr>",
            letter.Subject!,
            letter.Html,
            letter.PlainText);
    }

    public static OutgoingMail SimpleMail(string messageId, string text = "Bonjour") =>
        new(messageId, Reference, "claire.martin@example.fr", $"Réclamation {Reference}", $"<p>{text}</p>", text + "\n");
}
