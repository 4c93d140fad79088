using Reclamations.Engine.Api;
using Reclamations.Web.Accounts;

namespace Reclamations.Web.Tasks;

/// <summary>What the form fields partial (<c>Tasks/Pages/_TaskFormFields.cshtml</c>) draws: a task's <c>camunda:formData</c>
/// fields with their values, errors and people pickers; <see cref="IdPrefix"/> keeps the ids of several forms on one page apart.</summary>
public sealed record TaskFormFieldsModel(
    IReadOnlyList<FormFieldInfo> Fields,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<string, IReadOnlyList<UserDirectory.Person>> Pickers,
    string IdPrefix = "f-");
