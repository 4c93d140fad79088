namespace Reclamations.Engine.Runtime;

/// <summary>Variables only the engine writes: no start, message, form or listener from outside may set them.</summary>
internal static class EngineVariables
{
    public const string NrOfInstances = "nrOfInstances";
    public const string NrOfActiveInstances = "nrOfActiveInstances";
    public const string NrOfCompletedInstances = "nrOfCompletedInstances";
    public const string LoopCounter = "loopCounter";
    /// <summary>The items of a sequential multi-instance, kept between its steps.</summary>
    public const string MultiInstanceCollection = "nrOfInstancesCollection";

    public static readonly IReadOnlySet<string> Internal = new HashSet<string>(StringComparer.Ordinal)
    {
        NrOfInstances, NrOfActiveInstances, NrOfCompletedInstances, LoopCounter, MultiInstanceCollection,
    };

    public static bool IsInternal(string name) => Internal.Contains(name);

    /// <summary>Refuses (400, naming them) variables from outside that the engine alone writes; nothing is written.</summary>
    public static void RefuseInternal(IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null) return;
        var errors = variables.Keys.Where(IsInternal)
            .Select(name => new FormFieldError(name, $"« {name} » est une variable du moteur : elle ne peut pas être écrite de l'extérieur."))
            .ToList();
        if (errors.Count > 0) throw new FormValidationException(errors);
    }
}
