using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Reclamations.Domain.Letters;

/// <summary>Gives <c>{{ include "name" }}</c> the shared parts of the template store (<c>templates/_partials</c>); an
/// unknown part fails the letter, naming it and the parts there are.</summary>
internal sealed class LetterPartialLoader(LetterTemplateStore store) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        store.Partials.ContainsKey(templateName)
            ? templateName
            : throw new LetterTemplateFailure(
                $"partie commune inconnue « {templateName} » (connues : {string.Join(", ", store.Partials.Keys.Order(StringComparer.Ordinal))})");

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => store.Partials[templatePath].Source;

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
