namespace Reclamations.Domain.Letters;

/// <summary>The keys the studio and the database name templates by: a letter by its name (<c>accuse-reception</c>), a shared
/// part by <c>_partials.</c> and its name (<c>_partials.letterhead</c>), so that a key is one URL segment.</summary>
public static class LetterTemplateKeys
{
    public const string PartialPrefix = LetterTemplateStore.PartialsFolder + ".";

    public static bool IsPartial(string key) => key.StartsWith(PartialPrefix, StringComparison.Ordinal);

    /// <summary>The shared part's name (<c>letterhead</c>) of a partial key.</summary>
    public static string PartialName(string key) => key[PartialPrefix.Length..];

    public static string ForPartial(string partialName) => PartialPrefix + partialName;

    /// <summary>The file name the parser and the error messages use (<c>_partials/letterhead.scriban-html</c>).</summary>
    public static string FileName(string key) =>
        (IsPartial(key) ? LetterTemplateStore.PartialsFolder + "/" + PartialName(key) : key) + LetterTemplateStore.Extension;
}
