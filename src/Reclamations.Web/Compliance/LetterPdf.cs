using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Reclamations.Domain.Documents;

namespace Reclamations.Web.Compliance;

/// <summary>A letter as sent, as a PDF (A4, DejaVu Sans): its subject, date, recipient and SHA-256 as sent, then its text,
/// wrapped and paged.</summary>
public static class LetterPdf
{
    private const double Margin = 56;
    private const double LineHeight = 14;

    public static byte[] Render(SentLetter letter, string reference)
    {
        ArgumentNullException.ThrowIfNull(letter);
        using var document = new PdfDocument();
        document.Info.Title = letter.Subject;
        document.Info.Subject = $"{reference} — {letter.TemplateName}";
        var body = new XFont(DejaVuFontResolver.Family, 10);
        var bold = new XFont(DejaVuFontResolver.Family, 12, XFontStyleEx.Bold);
        var small = new XFont(DejaVuFontResolver.Family, 8);
        var lines = new List<(string Text, XFont Font)>
        {
            (letter.Subject, bold),
            ($"Réclamation {reference} — courrier « {letter.TemplateName} » pour {letter.Recipient}", small),
            ($"Préparé le {letter.CreatedAt:dd/MM/yyyy HH:mm} (UTC){(letter.SentAt is { } sent ? $", parti le {sent:dd/MM/yyyy HH:mm} (UTC)" : "")}", small),
            ($"Empreinte SHA-256 du courrier envoyé (HTML) : {letter.Sha256}", small),
            ("", body),
        };
        var text = letter.PlainText.Length > 0 ? letter.PlainText : "[contenu effacé à l'échéance de la durée de conservation]";
        lines.AddRange(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => (l, body)));

        PdfPage? page = null;
        double y = 0;
        var gfx = NewPage(document, ref page, ref y);
        try
        {
            foreach (var (line, font) in lines)
            {
                foreach (var piece in Wrap(line, font, gfx, page.Width.Point - 2 * Margin))
                {
                    if (y > page.Height.Point - Margin)
                    {
                        gfx.Dispose();
                        gfx = NewPage(document, ref page, ref y);
                    }

                    gfx.DrawString(piece, font, XBrushes.Black, new XPoint(Margin, y));
                    y += font.Size >= 12 ? LineHeight * 1.5 : LineHeight;
                }
            }
        }
        finally
        {
            gfx.Dispose();
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static XGraphics NewPage(PdfDocument document, [System.Diagnostics.CodeAnalysis.NotNull] ref PdfPage? page, ref double y)
    {
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        y = Margin;
        return XGraphics.FromPdfPage(page);
    }

    private static IEnumerable<string> Wrap(string line, XFont font, XGraphics gfx, double width)
    {
        if (line.Length == 0)
        {
            yield return "";
            yield break;
        }

        var current = "";
        foreach (var word in line.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        yield return current;
    }
}
