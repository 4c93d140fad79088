using Microsoft.EntityFrameworkCore;
using Reclamations.Domain.Deadlines;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Persistence;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Scriban;
using Scriban.Parsing;

namespace Reclamations.Domain.Templates;

/// <summary>The studio's letter templates: the list with the version in force of each, the validation of an edited text
/// (syntax with line and column, every variable the process does not provide, the mandatory mentions of every profile), the
/// live preview from sample data or an anonymised copy of a complaint, and the save of a new version with a comment.</summary>
public sealed class TemplateEditor(LetterTemplateCatalog catalog, LetterWriter writer, LetterSettingsStore settings,
    DeadlineProfileCatalog profiles, IDbContextFactory<DomainDbContext> dbFactory, TimeProvider time)
{
    public const int MaxBodyLength = 100_000;
    public const int MaxCommentLength = 500;

    /// <summary>A template as the list shows it: its key, whether it is a shared part, the version in force (0: the file) and
    /// who saved it, when and why (null for the file).</summary>
    public sealed record Entry(string Key, bool IsPartial, int Version, string? Author, DateTimeOffset? At, string? Comment);

    /// <summary>A rendered preview: the letter shown (for a shared part, a letter that includes it), its subject and HTML, on
    /// which profile; or the problems that keep it from rendering.</summary>
    public sealed record Preview(string Letter, string Profile, string? Subject, string? Html, IReadOnlyList<TemplateProblem> Problems);

    public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken ct = default)
    {
        var latest = await catalog.LatestAsync(ct);
        return catalog.Defaults.Keys.Select(key => latest.TryGetValue(key, out var v)
            ? new Entry(key, LetterTemplateKeys.IsPartial(key), v.Version, v.Author, v.At, v.Comment)
            : new Entry(key, LetterTemplateKeys.IsPartial(key), 0, null, null, null)).ToList();
    }

    /// <summary>The template in force of a key.</summary>
    public async Task<LetterTemplate> CurrentAsync(string key, CancellationToken ct = default) =>
        (await catalog.CurrentAsync(ct)).Find(key) ?? throw new TemplateNotFoundException(key);

    /// <summary>Every problem of an edited text; empty when it may be saved.</summary>
    public async Task<IReadOnlyList<TemplateProblem>> ValidateAsync(string key, string? body, CancellationToken ct = default)
    {
        var current = await catalog.CurrentAsync(ct);
        var (problems, _) = Check(current, key, body, await settings.GetAsync(ct));
        return problems;
    }

    /// <summary>Saves the text as version n+1 of the key, or refuses it (<see cref="TemplateValidationException"/>) naming every
    /// problem; a text equal to the version in force, or no comment, is refused too. Nothing is saved on a refusal.</summary>
    public async Task<LetterTemplateVersion> SaveAsync(string key, string? body, string? comment, string user, CancellationToken ct = default)
    {
        body = Normalise(body);
        var current = await catalog.CurrentAsync(ct);
        var (problems, _) = Check(current, key, body, await settings.GetAsync(ct));
        var refusals = problems.ToList();
        if (string.IsNullOrWhiteSpace(comment))
            refusals.Add(new TemplateProblem(TemplateProblem.Input, 0, 0, "Un commentaire est obligatoire : dites ce qui change et pourquoi."));
        else if (comment.Trim().Length > MaxCommentLength)
            refusals.Add(new TemplateProblem(TemplateProblem.Input, 0, 0, $"Le commentaire dépasse {MaxCommentLength} caractères."));
        if (body is not null && current.Find(key) is { } inForce && inForce.Source == body)
            refusals.Add(new TemplateProblem(TemplateProblem.Input, 0, 0, $"Le texte est celui de la version en vigueur ({inForce.Version}) : rien à enregistrer."));
        if (refusals.Count > 0) throw new TemplateValidationException(key, refusals);
        return await catalog.AppendAsync(key, body!, comment!.Trim(), user, time.GetUtcNow(), ct);
    }

    /// <summary>The edited text rendered as a letter (for a shared part: <paramref name="letter"/>, else the first letter that
    /// includes it) from the sample complaint on <paramref name="profileCode"/> (default: the first profile), or from an
    /// anonymised copy of the complaint <paramref name="complaintReference"/> on its own profile.</summary>
    public async Task<Preview> PreviewAsync(string key, string? body, string? profileCode = null, string? complaintReference = null,
        string? letter = null, CancellationToken ct = default)
    {
        var current = await catalog.CurrentAsync(ct);
        var stored = await settings.GetAsync(ct);
        Complaint complaint;
        DeadlineProfile profile;
        if (!string.IsNullOrWhiteSpace(complaintReference))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var found = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == complaintReference.Trim(), ct)
                        ?? throw new ComplaintNotFoundException($"La réclamation « {complaintReference.Trim()} » n'existe pas.");
            complaint = TemplateSamples.Anonymised(found);
            profile = profiles.Get(found.ProfileCode);
        }
        else
        {
            profile = string.IsNullOrWhiteSpace(profileCode) ? profiles.Current.Values.OrderBy(p => p.Code, StringComparer.Ordinal).First()
                : profiles.Current.GetValueOrDefault(profileCode.Trim())
                  ?? throw new TemplateValidationException(key, [new TemplateProblem(TemplateProblem.Input, 0, 0, $"Profil inconnu : « {profileCode} ».")]);
            complaint = TemplateSamples.Complaint(profile);
        }

        var (problems, store) = Check(current, key, body, stored, mentions: false);
        var shown = LetterTemplateKeys.IsPartial(key) ? PreviewLetter(current, key, letter) : key;
        if (store is null) return new Preview(shown, profile.Code, null, null, problems);
        try
        {
            var rendered = writer.Render(store, stored, complaint, profile, shown, TemplateSamples.Variables);
            return new Preview(shown, profile.Code, rendered.Subject, rendered.Html, problems);
        }
        catch (LetterRenderException e)
        {
            return new Preview(shown, profile.Code, null, null, [.. problems, RenderProblem(e, profile)]);
        }
    }

    /// <summary>The problems of a text, and the templates in force with it in its key's place when it parses.</summary>
    private (IReadOnlyList<TemplateProblem> Problems, LetterTemplateStore? Store) Check(LetterTemplateStore current, string key, string? body,
        LetterSettings stored, bool mentions = true)
    {
        body = Normalise(body);
        if (current.Find(key) is null) throw new TemplateNotFoundException(key);
        if (string.IsNullOrWhiteSpace(body))
            return ([new TemplateProblem(TemplateProblem.Input, 0, 0, "Le modèle est vide.")], null);
        if (body.Length > MaxBodyLength)
            return ([new TemplateProblem(TemplateProblem.Input, 0, 0, $"Le modèle dépasse {MaxBodyLength} caractères.")], null);

        var fileName = LetterTemplateKeys.FileName(key);
        var parsed = Template.Parse(body, fileName);
        if (parsed.HasErrors)
            return (parsed.Messages.Where(m => m.Type == ParserMessageType.Error)
                .Select(m => new TemplateProblem(TemplateProblem.Syntax, m.Span.Start.Line + 1, m.Span.Start.Column + 1,
                    $"Erreur de syntaxe ligne {m.Span.Start.Line + 1}, colonne {m.Span.Start.Column + 1} : {m.Message}")).ToList(), null);

        var problems = new List<TemplateProblem>();
        // A shared part also sees what the letters set for it (the delay letter's « delay_letter » flag).
        var setByLetters = LetterTemplateKeys.IsPartial(key) ? current.Letters.SelectMany(l => TemplateVariableCheck.Assigned(l.Parsed)) : null;
        foreach (var use in TemplateVariableCheck.Unknown(key, parsed, setByLetters))
            problems.Add(new TemplateProblem(TemplateProblem.UnknownVariable, use.Line, use.Column,
                $"Variable inconnue « {use.Path} » ligne {use.Line}, colonne {use.Column} : le processus ne la fournit pas.", use.Path));

        var store = current.With(new Dictionary<string, LetterTemplate> { [key] = LetterTemplateStore.Parse(fileName, body, -1) });
        if (mentions && problems.Count == 0) problems.AddRange(CheckLetters(store, key, stored));
        return (problems, store);
    }

    /// <summary>Renders every letter the edit touches (the letter; for a shared part, every letter) for every profile in force
    /// from the sample data, and names what fails or what mandatory mention is missing.</summary>
    private IEnumerable<TemplateProblem> CheckLetters(LetterTemplateStore store, string key, LetterSettings stored)
    {
        var letters = LetterTemplateKeys.IsPartial(key) ? store.TemplateNames : [key];
        var problems = new List<TemplateProblem>();
        foreach (var profile in profiles.Current.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var complaint = TemplateSamples.Complaint(profile);
            var facts = new MandatoryMentions.Facts(stored, complaint.ExternalRecourseFrom);
            foreach (var letter in letters)
            {
                RenderedLetter rendered;
                try
                {
                    rendered = writer.Render(store, stored, complaint, profile, letter, TemplateSamples.Variables);
                }
                catch (LetterRenderException e)
                {
                    problems.Add(RenderProblem(e, profile));
                    continue;
                }
                foreach (var missing in MandatoryMentions.Missing(letter, profile.Jurisdiction, rendered.PlainText, facts))
                    problems.Add(new TemplateProblem(TemplateProblem.MissingMention, 0, 0,
                        $"Mention obligatoire absente du courrier « {letter} » pour le profil {profile.Code} ({profile.Jurisdiction}) : {missing.Label}.",
                        Mention: missing.Label));
            }
        }
        return problems.DistinctBy(p => p.Message);
    }

    private static TemplateProblem RenderProblem(LetterRenderException e, DeadlineProfile profile) =>
        new(TemplateProblem.Render, e.Line, e.Column, e.VariableName is { } variable
            ? $"Le courrier « {e.TemplateName} » ne peut pas être composé (profil {profile.Code}) : la valeur « {variable} » manque, ligne {e.Line}, colonne {e.Column}."
            : $"Le courrier « {e.TemplateName} » ne peut pas être composé (profil {profile.Code}), ligne {e.Line}, colonne {e.Column} : {e.Reason}",
            e.VariableName);

    /// <summary>The letter that shows a shared part: the one asked for, else the first letter that includes it (directly or
    /// through another part), else the first letter.</summary>
    private static string PreviewLetter(LetterTemplateStore store, string key, string? asked)
    {
        if (asked is not null && store.TemplateNames.Contains(asked)) return asked;
        var names = new HashSet<string>(StringComparer.Ordinal) { LetterTemplateKeys.PartialName(key) };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (name, partial) in store.Partials)
                if (!names.Contains(name) && names.Any(n => Includes(partial.Source, n))) grew = names.Add(name);
        }
        return store.TemplateNames.FirstOrDefault(l => names.Any(n => Includes(store.Get(l).Source, n))) ?? store.TemplateNames[0];
    }

    /// <summary>Line ends as the files have them (a browser's form posts CR LF).</summary>
    private static string? Normalise(string? body) => body?.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static bool Includes(string source, string partial) =>
        source.Contains($"include \"{partial}\"", StringComparison.Ordinal) || source.Contains($"include '{partial}'", StringComparison.Ordinal);
}
