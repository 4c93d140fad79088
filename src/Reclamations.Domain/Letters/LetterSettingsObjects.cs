using Scriban.Runtime;

namespace Reclamations.Domain.Letters;

/// <summary>The <c>firm</c> and <c>mediator</c> objects seen by templates.</summary>
internal static class LetterSettingsObjects
{
    /// <summary>The members of <c>firm</c> (the declared model lists them, Workflow.LetterModelSchema).</summary>
    public static IEnumerable<string> FirmKeys => Firm(FirmIdentityCheck.Placeholder).Keys;

    /// <summary>The members of <c>mediator</c>.</summary>
    public static IEnumerable<string> MediatorKeys => Mediator(MediatorSettings.Default).Keys;

    public static ScriptObject Firm(FirmSettings firm) => LetterModelConverter.ToScriptObject(
        new Dictionary<string, object?>
        {
            ["name"] = firm.Name,
            ["address"] = firm.Address,
            ["orias_number"] = firm.OriasNumber,
            ["registration_number"] = firm.RegistrationNumber,
            ["complaints_contact_name"] = firm.ComplaintsContactName,
            ["complaints_contact_title"] = firm.ComplaintsContactTitle,
            ["complaints_contact_email"] = firm.ComplaintsContactEmail,
            ["phone"] = firm.Phone,
        },
        "firm");

    public static ScriptObject Mediator(MediatorSettings mediator) => LetterModelConverter.ToScriptObject(
        new Dictionary<string, object?>
        {
            ["fr_name"] = mediator.FrName,
            ["fr_address"] = mediator.FrAddress,
            ["fr_web"] = mediator.FrWeb,
            ["fr_email"] = mediator.FrEmail,
            ["lu_name"] = mediator.LuName,
            ["lu_address"] = mediator.LuAddress,
            ["lu_web"] = mediator.LuWeb,
            ["lu_email"] = mediator.LuEmail,
            ["lu_phone"] = mediator.LuPhone,
            ["lu_fax"] = mediator.LuFax,
            ["lu_role"] = mediator.LuRole,
        },
        "mediator");
}
