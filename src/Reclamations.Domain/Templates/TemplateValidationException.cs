namespace Reclamations.Domain.Templates;

/// <summary>An edited template refused on save, with every problem found (nothing is saved).</summary>
public sealed class TemplateValidationException(string key, IReadOnlyList<TemplateProblem> problems)
    : Exception($"Le modèle « {key} » est refusé : " + string.Join(" ; ", problems.Select(p => p.Message)))
{
    public string Key { get; } = key;

    public IReadOnlyList<TemplateProblem> Problems { get; } = problems;
}

/// <summary>No letter template or shared part has this key.</summary>
public sealed class TemplateNotFoundException(string key) : Exception($"Le modèle de courrier « {key} » n'existe pas.");
