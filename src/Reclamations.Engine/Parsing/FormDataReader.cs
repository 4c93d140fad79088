using System.Xml.Linq;
using Reclamations.Engine.Model;

namespace Reclamations.Engine.Parsing;

/// <summary>Reads <c>camunda:formData</c> of user tasks and start events.</summary>
internal static class FormDataReader
{
    private static readonly HashSet<string> SupportedTypes = new(StringComparer.Ordinal) { "string", "long", "boolean", "date", "enum" };

    public static void Read(XElement owner, string ownerId, List<FormField> target, ParseContext context)
    {
        foreach (var field in owner.CamundaExtensions("formData").Elements(BpmnNames.Camunda + "formField"))
        {
            if (ReadField(field, ownerId, context) is { } read)
            {
                target.Add(read);
            }
        }
    }

    private static FormField? ReadField(XElement field, string ownerId, ParseContext context)
    {
        var id = field.Attr("id");
        if (id is null)
        {
            context.Error(ownerId, $"Element '{ownerId}': a camunda:formField has no id");
            return null;
        }

        var valid = true;
        if (Runtime.EngineVariables.IsInternal(id))
        {
            context.Error(ownerId, $"Element '{ownerId}': form field '{id}' is named like a variable only the engine writes");
            valid = false;
        }

        var type = field.Attr("type");
        if (type is null || !SupportedTypes.Contains(type))
        {
            context.Error(ownerId, $"Element '{ownerId}': form field '{id}' has type '{type}'; "
                + "supported types are string, long, boolean, date and enum");
            valid = false;
        }

        var values = new List<FormFieldValue>();
        foreach (var value in field.Elements(BpmnNames.Camunda + "value"))
        {
            var valueId = value.Attr("id");
            if (valueId is null)
            {
                context.Error(ownerId, $"Element '{ownerId}': a camunda:value of form field '{id}' has no id");
                valid = false;
                continue;
            }

            values.Add(new FormFieldValue(valueId, value.Attr("name") ?? valueId));
        }

        if (type == "enum" && values.Count == 0)
        {
            context.Error(ownerId, $"Element '{ownerId}': enum form field '{id}' has no camunda:value");
            valid = false;
        }

        var constraints = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var constraint in field.Elements(BpmnNames.Camunda + "validation").Elements(BpmnNames.Camunda + "constraint"))
        {
            if (constraint.Attr("name") is { } name)
            {
                constraints[name] = constraint.Attr("config");
            }
            else
            {
                context.Error(ownerId, $"Element '{ownerId}': a constraint of form field '{id}' has no name");
                valid = false;
            }
        }

        // camunda:properties of a field: hints for whoever renders the form (e.g. userPicker = a role whose users to list).
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in field.Elements(BpmnNames.Camunda + "properties").Elements(BpmnNames.Camunda + "property"))
        {
            if (property.Attr("id") is { } propertyId && property.Attr("value") is { } propertyValue)
            {
                properties[propertyId] = propertyValue;
            }
            else
            {
                context.Error(ownerId, $"Element '{ownerId}': a camunda:property of form field '{id}' needs an id and a value");
                valid = false;
            }
        }

        return valid ? new FormField(id, field.Attr("label"), type!, field.Attr("defaultValue"), values, constraints, properties) : null;
    }
}
