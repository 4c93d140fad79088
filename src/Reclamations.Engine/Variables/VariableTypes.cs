namespace Reclamations.Engine.Variables;

/// <summary>Type names stored alongside a variable's JSON by <see cref="VariableSerializer"/>.</summary>
public static class VariableTypes
{
    public const string Null = "null";
    public const string String = "string";
    public const string Boolean = "boolean";
    public const string Long = "long";
    public const string Double = "double";
    public const string Date = "date";
    public const string Json = "json";
}
