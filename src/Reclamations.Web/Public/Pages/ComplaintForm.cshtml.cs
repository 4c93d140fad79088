using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Reclamations.Domain.Documents;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Web.Accounts;
using Reclamations.Web.Infrastructure;

namespace Reclamations.Web.Public.Pages;

/// <summary>The public complaint form (no sign-in, as ACPR 2024-R-02 asks): the complaint enters the register as received
/// through the web form, on the firm's default profile, and the complainant gets a dated copy by mail. Rate-limited per
/// client address; a honeypot field and a signed display time keep bots out.</summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormSetup.RateLimitPolicy)]
[DocumentUpload(Documents = MaxFiles, MaxBytesEach = MaxFileBytes)]
public sealed class ComplaintFormModel(ComplaintService service, ComplaintRegister register, DocumentStore documents, FormTimeToken token, PublicFormOptions options,
    TimeProvider time, ILogger<ComplaintFormModel> logger) : PageModel
{
    /// <summary>Who registers what the public files (recorded in the audit); it may only start the complaint workflow.</summary>
    public static readonly Actor WebForm = new("formulaire-web", [Roles.Staff]);

    public const int MaxFiles = 3;
    public const int MaxDescriptionChars = 10_000;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public static IReadOnlyList<string> AllowedExtensions => UploadCheck.Extensions;

    public string? ShownAt { get; private set; }
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string? Address { get; private set; }
    public string? Contract { get; private set; }
    public string? Subject { get; private set; }
    public string? Description { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public string? Reference { get; private set; }
    public bool CopySent { get; private set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? Category { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShownAt = token.Issue();
        Categories = [.. (await register.CategoriesAsync(ct)).Where(c => c.IsActive)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = Request.Form;
        (Name, Email, Phone, Address, Contract, Subject, Description) =
            (form["name"], form["email"], form["phone"], form["address"], form["contract"], form["subject"], form["description"]);
        ShownAt = token.Issue();
        Category = form["category"];
        Categories = [.. (await register.CategoriesAsync(ct)).Where(c => c.IsActive)];
        if (!string.IsNullOrEmpty(form["site_web"]) || !token.IsHuman(form["shownAt"]))
        {
            logger.LogWarning("Public form submission refused as automated from {Address}", HttpContext.Connection.RemoteIpAddress);
            Errors[""] = "Votre envoi n'a pas pu être vérifié. Patientez quelques secondes et envoyez le formulaire à nouveau.";
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Email)) Errors["complainant.email"] = "Indiquez votre adresse e-mail pour que nous puissions vous répondre.";
        if (string.IsNullOrWhiteSpace(Description)) Errors["description"] = "Décrivez votre réclamation.";
        else if (Description.Length > MaxDescriptionChars)
            Errors["description"] = $"Votre texte dépasse {MaxDescriptionChars} caractères : joignez plutôt un document.";
        var checkedFiles = await CheckFilesAsync(form.Files, ct);
        var input = new NewComplaint
        {
            Complainant = new NewComplainant { Name = Name, Kind = ComplainantKind.Client, Email = Trim(Email), Phone = Trim(Phone), PostalAddress = Trim(Address) },
            ReceivedAt = time.GetUtcNow(),
            Channel = ComplaintChannel.FormulaireWeb,
            Subject = Trim(Subject),
            Description = Trim(Description),
            Category = Trim(Category),
            ContractReference = Trim(Contract),
            Profile = options.DefaultProfile,
        };
        if (Errors.Count > 0) return Page();
        Complaint complaint;
        try
        {
            complaint = await service.RegisterFromWebFormAsync(input, WebForm, ct);
        }
        catch (RegisterValidationException e)
        {
            foreach (var error in e.Errors) Errors.TryAdd(error.Field, error.Message);
            return Page();
        }
        foreach (var (file, contentType) in checkedFiles)
        {
            await using var stream = file.OpenReadStream();
            await documents.AddAsync(complaint.Id, DocumentKind.Attachment, Path.GetFileName(file.FileName), contentType, stream, WebForm.Id, ct);
        }
        Reference = complaint.Reference;
        CopySent = complaint.Complainant.Email is not null;
        return Page();
    }

    private async Task<List<(IFormFile File, string ContentType)>> CheckFilesAsync(IFormFileCollection files, CancellationToken ct)
    {
        var accepted = new List<(IFormFile, string)>();
        if (files.Count > MaxFiles) Errors["files"] = $"Joignez {MaxFiles} fichiers au plus.";
        foreach (var file in files)
        {
            if (file.Length > MaxFileBytes)
            {
                Errors["files"] = $"« {file.FileName} » dépasse {MaxFileBytes / 1024 / 1024} Mo.";
                continue;
            }
            var (contentType, refusal) = await UploadCheck.CheckAsync(file, ct);
            if (contentType is null) Errors["files"] = refusal!;
            else accepted.Add((file, contentType));
        }
        return accepted;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
