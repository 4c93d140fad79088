namespace Reclamations.Testing.Hosting;

/// <summary>The firm identity the test hosts configure: complete, since outside Development no letter leaves without one
/// (FirmIdentityCheck), and the same in the web and browser tests.</summary>
public static class TestFirm
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Firm:Name"] = "Cabinet Test Courtage",
        ["Firm:Address:0"] = "12 rue des Essais",
        ["Firm:Address:1"] = "54000 Nancy",
        ["Firm:OriasNumber"] = "12 345 678",
        ["Firm:ComplaintsContactName"] = "Claire Lambert",
        ["Firm:ComplaintsContactTitle"] = "Responsable réclamations",
        ["Firm:ComplaintsContactEmail"] = "reclamations@cabinet-test.fr",
        ["Firm:Phone"] = "03 83 12 34 56",
    };
}
