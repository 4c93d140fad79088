using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using Reclamations.Domain.Register;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Register;

/// <summary><c>GET /registre/export.csv</c> and <c>/registre/export.xlsx</c>: the register as filtered on the page, every
/// row, French headers (MiniExcel). CSV for French spreadsheets: semicolons, UTF-8 with BOM.</summary>
public static class RegisterExport
{
    public static IEndpointRouteBuilder MapRegisterExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registre/export.csv", (HttpContext http, ComplaintRegister register, CancellationToken ct) =>
            ExportAsync(http, register, ExcelType.CSV, ct)).RequireAuthorization(Policies.ReadsRegister).ExcludeFromDescription();
        app.MapGet("/registre/export.xlsx", (HttpContext http, ComplaintRegister register, CancellationToken ct) =>
            ExportAsync(http, register, ExcelType.XLSX, ct)).RequireAuthorization(Policies.ReadsRegister).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, ComplaintRegister register, ExcelType type, CancellationToken ct)
    {
        var personalData = RegisterRows.SeesPersonalData(http.User);
        var groups = http.GetActor().Groups;
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var complaint in register.StreamAsync(RegisterQueryString.From(http.Request.Query).ToQuery(whole: true), ct))
            rows.Add(RegisterRows.ToRow(complaint, personalData, groups));
        if (rows.Count == 0) rows.Add(RegisterRows.ToRow(EmptyComplaint, personalData, groups).ToDictionary(r => r.Key, _ => (object?)""));
        var buffer = new MemoryStream();
        MiniExcelLibs.IConfiguration? configuration = type == ExcelType.CSV
            ? new CsvConfiguration { Seperator = ';', StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(true)) }
            : null;
        await buffer.SaveAsAsync(rows, printHeader: true, sheetName: "Registre", excelType: type, configuration: configuration,
            cancellationToken: ct);
        buffer.Position = 0;
        var (contentType, extension) = type == ExcelType.CSV
            ? ("text/csv; charset=utf-8", "csv")
            : ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        return Results.File(buffer, contentType, $"registre-des-reclamations.{extension}");
    }

    // Only its column names are used, for the header of an empty export.
    private static readonly Complaint EmptyComplaint = new() { Complainant = new Complainant { Name = "" } };
}
