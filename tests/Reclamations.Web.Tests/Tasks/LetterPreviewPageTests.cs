using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reclamations.Web.Tasks;
using Reclamations.Web.Tests.Complaints;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Tasks;

/// <summary>The task page's letter preview (workflows' <c>letterPreview</c> property, htmx page handler <c>?handler=Preview</c>):
/// it follows the free text being typed, is the very letter the send step then keeps and mails, says in French what is still
/// missing, and is refused to whoever may not see the task (the litigation letters only to the litigation's readers).</summary>
public sealed class LetterPreviewPageTests
{
    private static async Task<(string ComplaintId, string Reference)> RegisterAsync(ComplaintScenario s, string profile = "FR-ACPR")
    {
        var now = (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();
        var created = await s.RegisterAsync(ComplaintRequests.New(profile, now));
        return (created["id"]!.GetValue<string>(), created["reference"]!.GetValue<string>());
    }

    private static async Task<string> TaskIdAsync(ComplaintScenario s, string complaintId, string key) =>
        (await s.ComplaintTasksAsync(complaintId)).Single(t => t!["taskDefinitionKey"]!.GetValue<string>() == key)!["id"]!.GetValue<string>();

    private static string Token(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);

    /// <summary>What htmx posts while the form is typed in: the form's fields and its token, with htmx's request header.</summary>
    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, string taskId, string token, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/taches/{taskId}?handler=Preview")
        {
            Content = new FormUrlEncodedContent(
                [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]),
        };
        request.Headers.Add("HX-Request", "true");
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_preview_follows_the_typed_answer_and_is_the_letter_then_sent()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, reference) = await RegisterAsync(s);
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { acknowledgementMode = "immediateAnswer" });
        var taskId = await TaskIdAsync(s, id, "Task_DraftImmediateAnswer");
        using var staff = s.PageClientAs("staff.user");

        var page = await staff.GetStringAsync($"/taches/{taskId}");
        var shown = WebUtility.HtmlDecode(page);
        shown.Should().Contain("Aperçu du courrier").And.Contain("il manque la valeur « answer_text »");
        var token = Token(page);

        var first = await PreviewAsync(staff, taskId, token, ("reviewOutcome", "founded"), ("answerSummary", "Les frais prélevés à tort vous sont remboursés."));
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var firstText = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        firstText.Should().Contain("Les frais prélevés à tort vous sont remboursés.").And.Contain(reference).And.Contain("Aperçu mis à jour.");

        const string answer = "Après vérification, les frais de dossier vous seront remboursés sous huit jours.";
        var edited = await PreviewAsync(staff, taskId, token, ("reviewOutcome", "founded"), ("answerSummary", answer));
        var editedHtml = await edited.Content.ReadAsStringAsync();
        WebUtility.HtmlDecode(editedHtml).Should().Contain(answer).And.NotContain("prélevés à tort");

        await s.CompleteAsync(id, "Task_DraftImmediateAnswer", new { reviewOutcome = "founded", answerSummary = answer });
        var letter = (await s.ComplaintAsync(id))["letters"]!.AsArray()
            .Single(l => l!["templateName"]!.GetValue<string>() == "reponse-immediate")!;
        var sentHtml = await s.Client.GetStringAsync($"/api/complaints/{id}/letters/{letter["id"]}");
        editedHtml.Should().Contain(TaskLetterPreview.Body(sentHtml), "the preview is the body of the letter as kept and sent");
        (await s.MailsAsync(reference)).Should().Contain(m => (m.Message.TextBody ?? "").Contains(answer));
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_task_gets_no_preview_and_a_bad_token_is_refused()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, _) = await RegisterAsync(s);
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { acknowledgementMode = "immediateAnswer" });
        var taskId = await TaskIdAsync(s, id, "Task_DraftImmediateAnswer");

        using var direction = s.PageClientAs("direction");
        var token = WebUtility.HtmlDecode(Regex.Match(await direction.GetStringAsync("/"), "name=\"request-verification-token\" content=\"([^\"]+)\"").Groups[1].Value);
        (await PreviewAsync(direction, taskId, token, ("answerSummary", "Texte quelconque du lecteur."))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        using var staff = s.PageClientAs("staff.user");
        await staff.GetStringAsync($"/taches/{taskId}");
        (await PreviewAsync(staff, taskId, "forged-token", ("answerSummary", "Texte quelconque."))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_litigation_letter_preview_is_for_the_litigation_readers_only()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var (id, _) = await RegisterAsync(s, "LU-CAA");
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "legalThreat", findings = "Assignation annoncée par le conseil du client." }, "sophie.bernard");
        var taskId = await TaskIdAsync(s, id, "Task_DeclareToInsurer");

        using var partner = s.PageClientAs("associe.rcp");
        var page = await partner.GetStringAsync($"/taches/{taskId}");
        var preview = await PreviewAsync(partner, taskId, Token(page), ("insurerName", "RCP Assurances"),
            ("insurerEmail", "sinistres@rcp-assurances.example"), ("policyNumber", "RCP-778"), ("declarationSummary", "Menace d'assignation devant le tribunal."));
        WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync())
            .Should().Contain("RCP Assurances").And.Contain("RCP-778").And.Contain("Assignation annoncée par le conseil du client.");

        foreach (var outsider in new[] { "staff.user", "resp.reclamations" })
        {
            using var client = s.PageClientAs(outsider);
            (await client.GetAsync($"/taches/{taskId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            var token = WebUtility.HtmlDecode(Regex.Match(await client.GetStringAsync("/"), "name=\"request-verification-token\" content=\"([^\"]+)\"").Groups[1].Value);
            (await PreviewAsync(client, taskId, token, ("declarationSummary", "x"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }
    }
}
