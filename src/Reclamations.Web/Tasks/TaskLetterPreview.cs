using System.Text.RegularExpressions;
using Reclamations.Domain.Letters;
using Reclamations.Domain.Register;
using Reclamations.Domain.Workflow;
using Reclamations.Engine.Api;
using Reclamations.Engine.Runtime;

namespace Reclamations.Web.Tasks;

/// <summary>The letter a task's completion leads to, as it will be sent: the user task names its template with
/// <c>&lt;camunda:property name="letterPreview" value="reponse-defavorable"/&gt;</c>; the letter is rendered by
/// <see cref="LetterWriter.Preview"/> (the code path of the <c>send-letter</c> step) from the complaint, the process
/// variables the reader may see and the values being typed in the task's form. A value still missing is a French message,
/// not an error page.</summary>
public static partial class TaskLetterPreview
{
    public const string Property = "letterPreview";

    /// <summary>The letter as the page shows it: its subject and the HTML of its body, or why it cannot be shown yet.</summary>
    public sealed record Result(string? Subject, string? BodyHtml, string? Error);

    /// <summary>The template the task's property names, if any.</summary>
    public static string? TemplateOf(TaskInfo task) =>
        task.Properties?.GetValueOrDefault(Property) is { Length: > 0 } template ? template.Trim() : null;

    /// <summary>The variables the send step will see once the task is completed with <paramref name="formValues"/> (typed as
    /// the task page submits them; an empty field left out, as the page leaves it out of the completion).</summary>
    public static async Task<IReadOnlyDictionary<string, object?>> VariablesAsync(ProcessEngine engine, TaskInfo task,
        IReadOnlyDictionary<string, object?> formValues, Actor actor, CancellationToken ct)
    {
        var instance = await engine.GetProcessInstanceAsync(task.ProcessInstanceId, actor, ct);
        var variables = new Dictionary<string, object?>(instance.Variables, StringComparer.Ordinal);
        foreach (var field in task.FormFields)
        {
            if (formValues.TryGetValue(field.Id, out var value) && value is not null) variables[field.Id] = value;
            else if (field.DefaultValue is { Length: > 0 } literal && !literal.Contains("${", StringComparison.Ordinal))
                variables[field.Id] = TaskFormValues.Convert(field, literal);
        }
        return variables;
    }

    public static async Task<Result> RenderAsync(LetterWriter writer, string template, Complaint complaint,
        IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        try
        {
            var letter = await writer.PreviewAsync(complaint, template, variables, ct);
            return new Result(letter.Subject, Body(letter.Html), null);
        }
        catch (LetterRenderException e) when (e.VariableName is { } missing)
        {
            return new Result(null, null,
                $"Le courrier ne peut pas encore être composé : il manque la valeur « {missing} » (modèle « {e.TemplateName} », " +
                $"ligne {e.Line}). Remplissez le champ du formulaire qui la donne.");
        }
        catch (LetterRenderException e)
        {
            return new Result(null, null, $"Le courrier ne peut pas être composé (modèle « {e.TemplateName} », ligne {e.Line}) : {e.Reason}");
        }
        catch (LetterTemplateException)
        {
            return new Result(null, null,
                $"Le modèle de courrier « {template} » n'existe pas : la propriété « {Property} » de cette étape est à corriger.");
        }
    }

    /// <summary>What is inside the letter's <c>&lt;body&gt;</c> (the whole text when it has none).</summary>
    public static string Body(string html) => BodyElement().Match(html) is { Success: true } match ? match.Groups[1].Value : html;

    [GeneratedRegex(@"<body\b[^>]*>(.*)</body\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BodyElement();
}
