using Reclamations.Domain.Register;

namespace Reclamations.Web.Register;

/// <summary>French labels of the register's values.</summary>
public static class RegisterLabels
{
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
