using System.Xml.Linq;

namespace Reclamations.Engine.Parsing;

/// <summary>Maps the Camunda implementation attributes to the name of a registered .NET handler.</summary>
internal static class HandlerNames
{
    /// <summary><c>${name}</c> or <c>#{name}</c> gives <c>name</c>; any other text is kept as written.</summary>
    public static string FromExpression(string expression)
    {
        var text = expression.Trim();
        if (text.Length > 3 && (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal))
            && text.EndsWith('}'))
        {
            return text[2..^1].Trim();
        }

        return text;
    }

    /// <summary>The handler of a listener: <c>class</c>, <c>delegateExpression</c> or <c>expression</c>
    /// (unqualified attributes, as on <c>camunda:executionListener</c>). Null when none or several are given.</summary>
    public static string? FromListener(XElement listener, out int count)
    {
        var names = new List<string>();
        if (listener.Attr("class") is { } className)
        {
            names.Add(className);
        }

        if (listener.Attr("delegateExpression") is { } delegateExpression)
        {
            names.Add(FromExpression(delegateExpression));
        }

        if (listener.Attr("expression") is { } expression)
        {
            names.Add(FromExpression(expression));
        }

        count = names.Count;
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>The handler of a service/send task or a throwing message definition: <c>camunda:type="external"</c>
    /// with <c>camunda:topic</c>, or <c>camunda:class</c>, <c>camunda:delegateExpression</c>, <c>camunda:expression</c>.
    /// Null (error recorded on <paramref name="ownerId"/>) when missing, ambiguous or of an unsupported kind.</summary>
    public static string? FromImplementation(XElement element, string ownerId, string ownerType, ParseContext context)
    {
        var names = new List<string>();
        var type = element.CamundaAttr("type");
        var topic = element.CamundaAttr("topic");
        var valid = true;
        if (type is not null)
        {
            if (type != "external")
            {
                context.Error(ownerId, $"Element '{ownerId}' of type {ownerType} has camunda:type=\"{type}\"; only \"external\" is supported");
                valid = false;
            }
            else if (topic is null)
            {
                context.Error(ownerId, $"Element '{ownerId}' of type {ownerType} has camunda:type=\"external\" without camunda:topic");
                valid = false;
            }
            else
            {
                names.Add(topic);
            }
        }
        else if (topic is not null)
        {
            context.Error(ownerId, $"Element '{ownerId}' of type {ownerType} has camunda:topic without camunda:type=\"external\"");
            valid = false;
        }

        if (element.CamundaAttr("class") is { } className)
        {
            names.Add(className);
        }

        if (element.CamundaAttr("delegateExpression") is { } delegateExpression)
        {
            names.Add(FromExpression(delegateExpression));
        }

        if (element.CamundaAttr("expression") is { } expression)
        {
            names.Add(FromExpression(expression));
        }

        if (!valid)
        {
            return null;
        }

        if (names.Count == 0)
        {
            context.Error(ownerId, $"Element '{ownerId}' of type {ownerType} has no implementation: "
                + "set camunda:type=\"external\" with camunda:topic, camunda:class, camunda:delegateExpression or camunda:expression");
            return null;
        }

        if (names.Count > 1)
        {
            context.Error(ownerId, $"Element '{ownerId}' of type {ownerType} has more than one implementation");
            return null;
        }

        return names[0];
    }
}
