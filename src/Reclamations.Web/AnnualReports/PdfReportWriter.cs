using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Reclamations.Web.Compliance;

namespace Reclamations.Web.AnnualReports;

/// <summary>A small flowing layout on PDFsharp for the annual documents (A4, DejaVu Sans through <see cref="DejaVuFontResolver"/>):
/// headings, wrapped paragraphs, tables with a header row, PNG images; a new page when the next block does not fit; the
/// document's title and page numbers in the footer.</summary>
internal sealed class PdfReportWriter : IDisposable
{
    private const double Margin = 50;
    private readonly PdfDocument _document = new();
    private readonly XFont _body = new(DejaVuFontResolver.Family, 9.5);
    private readonly XFont _bold = new(DejaVuFontResolver.Family, 9.5, XFontStyleEx.Bold);
    private readonly XFont _h1 = new(DejaVuFontResolver.Family, 16, XFontStyleEx.Bold);
    private readonly XFont _h2 = new(DejaVuFontResolver.Family, 12, XFontStyleEx.Bold);
    private readonly XFont _small = new(DejaVuFontResolver.Family, 7.5);
    private readonly string _footer;
    private PdfPage _page = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public PdfReportWriter(string title, string subject, string footer)
    {
        _document.Info.Title = title;
        _document.Info.Subject = subject;
        _document.Info.Creator = "Réclamations";
        _footer = footer;
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;

    public void Title(string text)
    {
        foreach (var line in Wrap(text, _h1, Width)) Line(line, _h1, 22);
        _y += 4;
    }

    public void Heading(string text)
    {
        Ensure(60);
        _y += 8;
        Line(text, _h2, 18);
        _y += 2;
    }

    public void Paragraph(string text, bool small = false)
    {
        var font = small ? _small : _body;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        foreach (var line in Wrap(raw, font, Width))
            Line(line, font, small ? 10 : 13);
        _y += 4;
    }

    /// <summary>A table: first column wide, the others as <paramref name="widths"/> (fractions of the width, summing to 1).</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double> widths)
    {
        var columns = widths.Select(w => w * Width).ToArray();
        void Row(IReadOnlyList<string> cells, XFont font, bool shaded)
        {
            var wrapped = cells.Select((c, i) => Wrap(c, font, columns[i] - 6).ToList()).ToList();
            var height = wrapped.Max(w => w.Count) * 12 + 4;
            Ensure(height);
            if (shaded) _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 243)), Margin, _y - 10, Width, height);
            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                var y = _y;
                foreach (var piece in wrapped[i])
                {
                    _gfx.DrawString(piece, font, XBrushes.Black, new XPoint(x + 3, y));
                    y += 12;
                }
                x += columns[i];
            }
            _y += height;
            _gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Margin, _y - 10, Margin + Width, _y - 10);
        }

        Row(headers, _bold, shaded: true);
        foreach (var row in rows) Row(row, _body, shaded: false);
        _y += 6;
    }

    /// <summary>A PNG image, <paramref name="width"/> points wide, its height kept in proportion.</summary>
    public void Image(byte[] png, double width)
    {
        using var stream = new MemoryStream(png);
        using var image = XImage.FromStream(stream);
        var height = width * image.PixelHeight / image.PixelWidth;
        Ensure(height + 6);
        _gfx.DrawImage(image, Margin, _y - 8, width, height);
        _y += height + 6;
    }

    public byte[] Save()
    {
        _gfx.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = $"{_footer} — page {i + 1} / {count}";
            gfx.DrawString(text, _small, XBrushes.Gray, new XPoint(Margin, _document.Pages[i].Height.Point - 25));
        }

        using var output = new MemoryStream();
        _document.Save(output, false);
        return output.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
    }

    private void Line(string text, XFont font, double height)
    {
        Ensure(height);
        _gfx.DrawString(text, font, XBrushes.Black, new XPoint(Margin, _y));
        _y += height;
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    private bool Ensure(double height)
    {
        if (_y + height <= _page.Height.Point - Margin - 10) return false;
        _gfx.Dispose();
        NewPage();
        return true;
    }

    private void NewPage()
    {
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin + 10;
    }

    private IEnumerable<string> Wrap(string line, XFont font, double width)
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
            if (current.Length > 0 && _gfx.MeasureString(candidate, font).Width > width)
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
