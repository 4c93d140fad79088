using System.Net;
using System.Text.RegularExpressions;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Reclamations.Domain.Letters;

/// <summary>
/// Renders letters from the template store. Variables are strict: writing a variable the model
/// lacks, or gives as null/blank, fails with a <see cref="LetterRenderException"/> naming it (such a
/// value is only allowed as a condition: <c>{{ if third_party }}…{{ end }}</c> is false). Templates see the model, <c>firm</c>, <c>mediator</c>, <c>letter_date</c> (the
/// model's, else today in the firm's time zone) and the helpers of <see cref="LetterFunctions"/>.
/// </summary>
public sealed partial class LetterRenderer
{
    private const string LetterDateVariable = "letter_date";
    private static readonly string[] ReservedVariables = ["firm", "mediator"];

    private readonly LetterTemplateStore _store;
    private readonly FirmSettings _firm;
    private readonly MediatorSettings _mediator;
    private readonly TimeProvider _timeProvider;
    private readonly TimeZoneInfo _timeZone;

    public LetterRenderer(LetterTemplateStore store, FirmSettings firm, MediatorSettings mediator, TimeProvider timeProvider)
    {
        _store = store;
        _firm = firm;
        _mediator = mediator;
        _timeProvider = timeProvider;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(firm.TimeZoneId);
    }

    public IReadOnlyList<string> TemplateNames => _store.TemplateNames;

    /// <summary>Renders with the settings given at construction.</summary>
    public RenderedLetter Render(string templateName, IReadOnlyDictionary<string, object?> model) =>
        Render(templateName, model, _firm, _mediator);

    /// <summary>Renders with the firm's identity and recourse bodies as stored now (<see cref="LetterSettingsStore"/>).</summary>
    public RenderedLetter Render(string templateName, IReadOnlyDictionary<string, object?> model, FirmSettings firm, MediatorSettings mediator) =>
        Render(_store, templateName, model, firm, mediator);

    /// <summary>The templates of the files (version 0), which the studio's edits replace (<see cref="LetterTemplateCatalog"/>).</summary>
    public LetterTemplateStore Defaults => _store;

    /// <summary>Renders with the templates of <paramref name="store"/> (the versions in force, or a draft being previewed): the
    /// letter and the shared parts it includes all come from it.</summary>
    public RenderedLetter Render(LetterTemplateStore store, string templateName, IReadOnlyDictionary<string, object?> model, FirmSettings firm,
        MediatorSettings mediator)
    {
        var template = store.Get(templateName);
        var reserved = ReservedVariables.FirstOrDefault(model.ContainsKey);
        if (reserved is not null)
        {
            throw new ArgumentException($"The model must not set '{reserved}': it comes from the settings.", nameof(model));
        }

        var context = new LetterTemplateContext(template, _timeZone, store.Partials.Values) { TemplateLoader = new LetterPartialLoader(store) };
        // The shared parts are parsed once, with the store: an include finds its part already parsed.
        foreach (var (name, partial) in store.Partials) context.CachedTemplates[name] = partial.Parsed;
        context.PushGlobal(LetterFunctions.Create(_timeZone));
        context.PushGlobal(BuildGlobals(model, firm, mediator));

        string html;
        try
        {
            html = template.Parsed.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            throw ToRenderException(template, context, ex);
        }
        catch (LetterTemplateFailure ex)
        {
            throw new LetterRenderException(template.Name, null, 0, 0, ex.Message, ex);
        }
        catch (MissingValueException ex)
        {
            throw context.MissingValueError(new MissingValue(ex.Path), default);
        }

        return new RenderedLetter(ExtractSubject(html), html, HtmlToText.Convert(html));
    }

    private ScriptObject BuildGlobals(IReadOnlyDictionary<string, object?> model, FirmSettings firm, MediatorSettings mediator)
    {
        var globals = LetterModelConverter.ToScriptObject(model, string.Empty);
        globals.SetValue("firm", LetterSettingsObjects.Firm(firm), readOnly: true);
        globals.SetValue("mediator", LetterSettingsObjects.Mediator(mediator), readOnly: true);
        if (!model.ContainsKey(LetterDateVariable))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_timeProvider.GetUtcNow(), _timeZone).DateTime);
            globals.SetValue(LetterDateVariable, today, readOnly: false);
        }

        return globals;
    }

    private static LetterRenderException ToRenderException(LetterTemplate template, LetterTemplateContext context, ScriptRuntimeException ex)
    {
        var line = ex.Span.Start.Line + 1;
        var column = ex.Span.Start.Column + 1;
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is LetterRenderException render)
            {
                return render;
            }

            if (inner is MissingValueException missing)
            {
                return context.MissingValueError(new MissingValue(missing.Path), ex.Span);
            }

            if (inner is LetterTemplateFailure failure)
            {
                return new LetterRenderException(template.Name, null, line, column, failure.Message, ex);
            }
        }

        var message = ex.OriginalMessage ?? ex.Message;
        var variable = IsMissingVariable(message) ? context.DottedPathAt(ex.Span.Start.Offset, ex.Span.FileName) : null;
        return new LetterRenderException(template.Name, variable, line, column, message, ex);
    }

    private static bool IsMissingVariable(string message) =>
        message.Contains("not found", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Cannot get member", StringComparison.OrdinalIgnoreCase)
        || message.Contains("is null", StringComparison.OrdinalIgnoreCase);

    private static string? ExtractSubject(string html)
    {
        var match = Title().Match(html);
        if (!match.Success)
        {
            return null;
        }

        var subject = Spaces().Replace(WebUtility.HtmlDecode(match.Groups[1].Value), " ").Trim();
        return subject.Length == 0 ? null : subject;
    }

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
