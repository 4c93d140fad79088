using Reclamations.Engine.Api;

namespace Reclamations.Engine.Tests.Operators;

internal static class OperatorActors
{
    public static readonly Actor Operator = new("olga", ["Admin"]);
    public static readonly Actor Stranger = new("sam", ["Staff"]);
}
