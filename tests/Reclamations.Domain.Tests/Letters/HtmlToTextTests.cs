using Reclamations.Domain.Letters;

namespace Reclamations.Domain.Tests.Letters;

public sealed class HtmlToTextTests
{
    [Fact]
    public void Blocks_become_paragraphs_and_breaks_become_lines()
    {
        var text = HtmlToText.Convert("<html><head><title>Sujet</title><style>p{color:red}</style></head><body>"
            + "<div>Cabinet</div><p>Madame,</p><p>Ligne 1<br>Ligne   2</p></body></html>");

        text.Should().Be("Cabinet\n\nMadame,\n\nLigne 1\nLigne 2\n");
    }

    [Fact]
    public void Entities_are_decoded_and_lists_get_dashes()
    {
        var text = HtmlToText.Convert("<p>R&eacute;f. &amp; co&nbsp;:</p><ul><li>un</li><li>deux</li></ul>");

        text.Should().Be("Réf. & co :\n\n- un\n- deux\n");
    }

    [Fact]
    public void Links_keep_their_address_once()
    {
        HtmlToText.Convert("<p><a href=\"https://www.mediation-assurance.org\">le site</a> et "
            + "<a href=\"mailto:a@b.fr\">a@b.fr</a></p>")
            .Should().Be("le site (https://www.mediation-assurance.org) et a@b.fr\n");
    }

    [Fact]
    public void Comments_and_scripts_are_dropped()
    {
        HtmlToText.Convert("<!-- note --><script>x()</script><p>Texte</p>").Should().Be("Texte\n");
    }
}
