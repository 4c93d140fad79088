namespace Reclamations.Domain.Letters;

/// <summary>Markup built by a template helper from escaped text: written into a letter as is.</summary>
internal sealed record HtmlFragment(string Html);
