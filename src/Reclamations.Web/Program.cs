using System.Text.Json.Serialization;
using Reclamations.Web.Complaints;
using Scalar.AspNetCore;
using Reclamations.Web.Engine;
using Reclamations.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddProblemDetailsForEngineErrors();
var engine = builder.AddReclamationsEngine(out var connectionString);
builder.AddReclamationsDomain(engine, connectionString);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapEngineApi();
app.MapComplaintApi();
app.MapGet("/", () => Results.Redirect("/scalar/v1")).ExcludeFromDescription();

await app.PrepareEngineAsync();
await app.PrepareDomainAsync();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
