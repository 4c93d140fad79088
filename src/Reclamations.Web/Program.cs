using Reclamations.Web.Engine;
using Reclamations.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddProblemDetailsForEngineErrors();
builder.AddReclamationsEngine();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapEngineApi();
app.MapGet("/", () => Results.Redirect("/openapi/v1.json")).ExcludeFromDescription();

await app.PrepareEngineAsync();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
