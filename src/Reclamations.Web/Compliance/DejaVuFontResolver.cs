using PdfSharp.Fonts;

namespace Reclamations.Web.Compliance;

/// <summary>PDFsharp's fonts on Linux: DejaVu Sans from Debian's <c>fonts-dejavu-core</c>
/// (<c>/usr/share/fonts/truetype/dejavu</c>, or <c>Pdf:FontDirectory</c>), regular and bold, whatever family is asked.</summary>
public sealed class DejaVuFontResolver(string directory) : IFontResolver
{
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    /// <exception cref="InvalidOperationException">The fonts are not there (install fonts-dejavu-core).</exception>
    public static void Install(string directory)
    {
        foreach (var face in new[] { "DejaVuSans", "DejaVuSans-Bold" })
        {
            if (!File.Exists(Path.Combine(directory, face + ".ttf")))
                throw new InvalidOperationException(
                    $"PDF letters need the font {face}.ttf in {directory} (Debian package fonts-dejavu-core, or set Pdf:FontDirectory).");
        }

        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new DejaVuFontResolver(directory);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf"));
}
