using Reclamations.Domain.Register;

namespace Reclamations.Web.Register;

/// <summary>French labels of the register's values.</summary>
public static class RegisterLabels
{
    public static IReadOnlyList<(ComplaintChannel Value, string Label)> Channels { get; } =
    [
        (ComplaintChannel.Courrier, "Courrier"), (ComplaintChannel.Email, "E-mail"), (ComplaintChannel.Telephone, "Téléphone"),
        (ComplaintChannel.Agence, "En agence"), (ComplaintChannel.FormulaireWeb, "Formulaire web"),
    ];

    public static IReadOnlyList<(ComplainantKind Value, string Label)> Kinds { get; } =
    [
        (ComplainantKind.Client, "Client"), (ComplainantKind.FormerClient, "Ancien client"), (ComplainantKind.Prospect, "Prospect"),
        (ComplainantKind.Beneficiary, "Bénéficiaire"), (ComplainantKind.RepresentativeOrHeir, "Représentant ou ayant droit"),
    ];

    public static string Channel(ComplaintChannel channel) => Channels.FirstOrDefault(c => c.Value == channel).Label ?? channel.ToString();

    public static string Status(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Registered => "Enregistrée",
        ComplaintStatus.InProgress => "En cours",
        ComplaintStatus.Answered => "Répondue",
        ComplaintStatus.SecondLevel => "Second niveau",
        ComplaintStatus.Litigation => "Contentieux",
        ComplaintStatus.Closed => "Clôturée",
        _ => status.ToString(),
    };
}
