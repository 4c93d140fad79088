using System.Globalization;
using System.Text;
using Reclamations.Web.Complaints;

namespace Reclamations.Web.Compliance;

/// <summary>The case file's timeline as CSV (semicolons, UTF-8 with BOM for French spreadsheets; a cell starting with
/// = + - @ is quoted with a leading apostrophe so that no spreadsheet runs it as a formula).</summary>
public static class TimelineCsv
{
    public static byte[] Write(IEnumerable<CaseFileTimeline.Entry> entries, TimeZoneInfo zone)
    {
        var csv = new StringBuilder("Date;Événement;Par\r\n");
        foreach (var e in entries)
        {
            var local = TimeZoneInfo.ConvertTime(e.At, zone);
            csv.Append(Cell(local.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture))).Append(';')
                .Append(Cell(e.Text)).Append(';').Append(Cell(e.Who)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
