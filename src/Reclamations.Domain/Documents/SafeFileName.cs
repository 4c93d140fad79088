using System.Text;

namespace Reclamations.Domain.Documents;

/// <summary>Turns an uploaded file name into a safe single path segment (no folders, no control or reserved characters).</summary>
public static class SafeFileName
{
    private const int MaxLength = 100;

    public static string From(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().Trim('.', '_');
        if (safe.Length > MaxLength) safe = safe[^MaxLength..];
        return safe.Length == 0 ? "fichier" : safe;
    }
}
