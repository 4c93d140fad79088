namespace Reclamations.Web.Infrastructure;

/// <summary>The file types a case file accepts, recognised by their first bytes and their extension together: PDF, PNG,
/// JPEG, GIF, Office (OOXML and OpenDocument zip containers, legacy OLE files incl. Outlook <c>.msg</c>), and text files
/// (<c>.txt</c>, <c>.eml</c>, <c>.csv</c>: no NUL byte). The stored content type is the recognised one, never the one the
/// client sent.</summary>
public static class UploadCheck
{
    private sealed record Kind(string ContentType, string[] Extensions, Func<byte[], int, bool> Matches);

    private static readonly Kind[] Kinds =
    [
        new("application/pdf", [".pdf"], (b, n) => Starts(b, n, "%PDF-"u8)),
        new("image/png", [".png"], (b, n) => Starts(b, n, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new("image/jpeg", [".jpg", ".jpeg"], (b, n) => Starts(b, n, [0xFF, 0xD8, 0xFF])),
        new("image/gif", [".gif"], (b, n) => Starts(b, n, "GIF8"u8)),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], Zip),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], Zip),
        new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"], Zip),
        new("application/vnd.oasis.opendocument.text", [".odt"], Zip),
        new("application/vnd.oasis.opendocument.spreadsheet", [".ods"], Zip),
        new("application/msword", [".doc"], Ole),
        new("application/vnd.ms-excel", [".xls"], Ole),
        new("application/vnd.ms-outlook", [".msg"], Ole),
        new("message/rfc822", [".eml"], Text),
        new("text/plain", [".txt"], Text),
        new("text/csv", [".csv"], Text),
    ];

    /// <summary>The extensions accepted (for an <c>accept</c> attribute and messages).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. Kinds.SelectMany(k => k.Extensions)];

    /// <summary>The recognised content type, or null with the reason (French) when the file is not accepted.</summary>
    public static async Task<(string? ContentType, string? Refusal)> CheckAsync(IFormFile file, CancellationToken ct)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var candidates = Kinds.Where(k => k.Extensions.Contains(extension)).ToList();
        if (candidates.Count == 0)
            return (null, $"« {file.FileName} » : ce type de fichier n'est pas accepté (acceptés : {string.Join(", ", Extensions)}).");
        var head = new byte[8192];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var kind = candidates.FirstOrDefault(k => k.Matches(head, read));
        return kind is null
            ? (null, $"« {file.FileName} » : son contenu ne correspond pas à un fichier {extension}.")
            : (kind.ContentType, null);
    }

    private static bool Starts(byte[] bytes, int count, ReadOnlySpan<byte> magic) =>
        count >= magic.Length && bytes.AsSpan(0, magic.Length).SequenceEqual(magic);

    private static bool Zip(byte[] bytes, int count) => Starts(bytes, count, [0x50, 0x4B, 0x03, 0x04]);

    private static bool Ole(byte[] bytes, int count) => Starts(bytes, count, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    private static bool Text(byte[] bytes, int count) => count > 0 && Array.IndexOf(bytes, (byte)0, 0, count) < 0;
}
