using System.Text.Json.Serialization;
using Reclamations.Web.Accounts;
using Reclamations.Web.Admin;
using Reclamations.Web.Complaints;
using Reclamations.Web.Compliance;
using Reclamations.Web.Dashboard;
using Scalar.AspNetCore;
using Reclamations.Web.Engine;
using Reclamations.Web.Inbox;
using Reclamations.Web.Infrastructure;
using Reclamations.Web.Profiles;
using Reclamations.Web.Letters;
using Reclamations.Web.Public;
using Reclamations.Web.Register;
using Reclamations.Web.Studio;
using Reclamations.Web.Studio.Simulation;
using Reclamations.Web.AnnualReports;
using Reclamations.Web.RootCauses;

var builder = WebApplication.CreateBuilder(args);

builder.AddProblemDetailsForEngineErrors();
var engine = builder.AddReclamationsEngine(out var connectionString);
builder.AddReclamationsDomain(engine, connectionString);
builder.AddCompliance();
builder.AddAccounts(connectionString);
builder.AddHealth();
builder.AddBackOfficePages();
builder.AddPublicForm();
builder.AddTaskDigest();
builder.AddSimulation();
builder.AddAnnualReports();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddApiDocument();
builder.Services.AddDesigner();

var app = builder.Build();

app.UseExceptionHandler();
app.UseSecurityHeaders();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAdminTwoFactorRequirement();
app.UseAuthorization();
app.UseRateLimiter();
app.UseDocumentUploadLimit();
app.MapOpenApi().RequireAuthorization();
app.MapScalarApiReference((options, http) => options.WithNonce(http.Nonce())).RequireAuthorization();
app.MapHealth();
app.MapAuthApi();
app.MapEngineApi();
app.MapComplaintApi();
app.MapProfileApi();
app.MapComplianceApi();
app.MapLetterSettingsApi();
app.MapLetterTemplatesApi();
app.MapComplaintDatesApi();
app.MapCategoryApi();
app.MapReferralApi();
app.MapReopeningApi();
app.MapDesignerApi();
app.MapRootCauseApi();
app.MapAnnualReportApi();
app.MapSignOut();
app.MapRegisterExport();
app.MapDashboardApi();
app.MapRazorPages();

await app.PrepareEngineAsync();
await app.PrepareDomainAsync();
await app.PrepareAccountsAsync();
if (args.FirstOrDefault() == CreateAdminCommand.Name) return await CreateAdminCommand.RunAsync(app, args);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
