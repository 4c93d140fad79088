using System.Net;
using Reclamations.Testing.Mail;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.Complaints;

/// <summary>Every branch of the real complaint-handling and litigation workflows, end to end through the HTTP API,
/// with letters received by a real SMTP server.</summary>
public sealed class ComplaintProcessTests
{
    private static async Task<DateTimeOffset> NowAsync(ComplaintScenario s) =>
        (await (await s.Client.GetAsync("/api/engine/clock")).JsonAsync())["now"]!.GetValue<DateTimeOffset>();

    private static string Body(ReceivedMail mail) => mail.Message.HtmlBody ?? "";

    private static string Text(ReceivedMail mail) => mail.Message.TextBody ?? "";

    [Fact]
    public async Task A_request_that_is_not_a_complaint_is_closed_with_a_letter()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        reference.Should().MatchRegex(@"^REC-\d{4}-\d{5}$");

        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "notComplaint", notComplaintAction = "transfer", thirdParty = "Assureur Exemple" });

        var mails = await s.MailsAsync(reference);
        var letter = mails.Should().ContainSingle().Subject;
        letter.EnvelopeRecipients.Should().Equal("claire.durand@example.org");
        letter.Message.Subject.Should().Be($"Votre demande – réf. {reference}");
        Text(letter).Should().Contain("Assureur Exemple");
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("Closed");
        complaint["outcome"]!.GetValue<string>().Should().Be("notComplaint");
        complaint["closedAt"].Should().NotBeNull();
        var instance = await (await s.Client.GetAsync($"/api/engine/process-instances/{complaint["processInstanceId"]}")).JsonAsync();
        instance["state"]!.GetValue<string>().Should().Be("Completed");
    }

    [Fact]
    public async Task A_founded_complaint_gets_an_approved_offer_without_admission_of_liability_then_closes()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();

        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_Acknowledge", "Task_AssignReviewer");

        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        var ack = (await s.MailsAsync(reference)).Should().ContainSingle().Subject;
        ack.Message.Subject.Should().Be($"Réclamation {reference} – Accusé de réception");
        Text(ack).Should().Contain("accusons réception de votre réclamation").And.Contain(reference);
        (await s.ComplaintAsync(id))["complaint"]!["acknowledgedAt"].Should().NotBeNull();

        // The review must be independent: a person the complaint is about is refused, and nothing changes.
        var refused = await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "paul.martin" }, "resp.reclamations", expectSuccess: false);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.JsonAsync())["detail"]!.GetValue<string>().Should().Contain("paul.martin").And.Contain("indépendante");
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_AssignReviewer");
        var handlerRefused = await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "Julie.Roux" }, "resp.reclamations", expectSuccess: false);
        handlerRefused.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        var review = (await s.ComplaintTasksAsync(id)).Single()!;
        review["assignee"]!.GetValue<string>().Should().Be("sophie.bernard");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "founded", findings = "Garantie mal présentée lors de la souscription." }, "sophie.bernard");

        await s.CompleteAsync(id, "Task_PrepareOffer", new { offerAmount = 800, offerText = "Prise en charge de 800 euros." });
        await s.CompleteAsync(id, "Task_ApproveOfferPartner", new { offerApproved = true }, "associe.rcp");
        await s.CompleteAsync(id, "Task_ValidateOfferDirection", new { offerApproved = false }, "direction");
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_PrepareOffer");
        await s.CompleteAsync(id, "Task_PrepareOffer", new { offerAmount = 1200, offerText = "Prise en charge de 1 200 euros." });
        await s.CompleteAsync(id, "Task_ApproveOfferPartner", new { offerApproved = true }, "associe.rcp");
        await s.CompleteAsync(id, "Task_ValidateOfferDirection", new { offerApproved = true }, "direction");

        var offer = (await s.MailsAsync(reference)).Should().ContainSingle(m => (m.Message.Subject ?? "").Contains("Proposition de règlement")).Subject;
        Text(offer).Should().Contain("sans reconnaissance de responsabilité");
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("Answered");
        complaint["outcome"]!.GetValue<string>().Should().Be("founded");
        complaint["reviewer"]!.GetValue<string>().Should().Be("sophie.bernard");
        complaint["answeredAt"].Should().NotBeNull();
        complaint["offerText"]!.GetValue<string>().Should().Be("Prise en charge de 1 200 euros.", "the offer made, not the one sent back");
        complaint["offerAmount"]!.GetValue<long>().Should().Be(1200);
        complaint["offerApprovedBy"]!.GetValue<string>().Should().Be("associe.rcp", "the offer's approvals are kept in the register");
        complaint["offerValidatedBy"]!.GetValue<string>().Should().Be("direction");
        complaint["offerValidatedAt"].Should().NotBeNull();

        var reply = await s.Client.PostJsonAsync($"/api/complaints/{id}/client-reply", new { satisfied = true, comment = "Merci, j'accepte." });
        reply.StatusCode.Should().Be(HttpStatusCode.OK);
        await s.SettleAsync();
        // The closing step's page records each corrective action with its type, owner and due date (htmx section).
        var closingTask = (await s.ComplaintTasksAsync(id)).Single(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_CorrectiveActions")!;
        using (var officerPages = s.PageClientAs("resp.reclamations"))
        {
            var page = await officerPages.GetStringAsync($"/taches/{closingTask["id"]}");
            page.Should().Contain("Actions correctives de la réclamation");
            var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page,
                "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
            var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(await NowAsync(s), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime).AddDays(30);
            var post = new HttpRequestMessage(HttpMethod.Post, $"/taches/{closingTask["id"]}?handler=CorrectiveAction")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["actionType"] = "Training",
                    ["actionDescription"] = "Former l'équipe aux garanties", ["actionOwner"] = "sophie.bernard", ["actionDueDate"] = due.ToString("O"),
                }),
            };
            post.Headers.Add("HX-Request", "true");
            var section = await officerPages.SendAsync(post);
            section.StatusCode.Should().Be(HttpStatusCode.OK);
            System.Net.WebUtility.HtmlDecode(await section.Content.ReadAsStringAsync()).Should().Contain("Former l'équipe aux garanties").And.Contain("Formation");
        }
        await s.CompleteAsync(id, "Task_CorrectiveActions", new { dysfunctions = "Garanties mal expliquées", correctiveActions = "Formation", lessons = "Fiche conseil" }, "resp.reclamations");

        var closing = (await s.MailsAsync(reference)).Should().ContainSingle(m => (m.Message.Subject ?? "").Contains("Clôture")).Subject;
        closing.EnvelopeRecipients.Should().Equal("claire.durand@example.org");
        var file = await s.ComplaintAsync(id);
        file["complaint"]!["status"]!.GetValue<string>().Should().Be("Closed");
        file["complaint"]!["clientReaction"]!.GetValue<string>().Should().Be("Merci, j'accepte.");
        file["letters"]!.AsArray().Select(l => l!["templateName"]!.GetValue<string>())
            .Should().Equal("accuse-reception", "offre-reglement", "cloture");
        file["openTasks"]!.AsArray().Should().BeEmpty();
        file["complaint"]!["dysfunctions"]!.GetValue<string>().Should().Contain("Garanties mal expliquées").And.Contain("Fiche conseil");
        file["complaint"]!["dysfunctions"]!.GetValue<string>().Should().Contain("Actions correctives : Formation");
        var corrective = file["correctiveActions"]!.AsArray().Should().ContainSingle("the one recorded on the task's page").Subject!;
        corrective["type"]!.GetValue<string>().Should().Be("Training");
        corrective["owner"]!.GetValue<string>().Should().Be("sophie.bernard");
        corrective["status"]!.GetValue<string>().Should().Be("Open");
        file["timeline"]!.AsArray().Should().Contain(a => a!["action"]!.GetValue<string>() == "Enregistrement");
    }

    [Fact]
    public async Task An_immediate_answer_takes_the_place_of_the_acknowledgement_and_ends_the_review()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { acknowledgementMode = "immediateAnswer" });
        (await s.OpenTaskKeysAsync(id)).Should().BeEquivalentTo("Task_AssignReviewer", "Task_DraftImmediateAnswer");
        (await s.MailsAsync(reference)).Where(m => m.EnvelopeRecipients.Contains("claire.durand@example.org"))
            .Should().BeEmpty("no acknowledgement letter goes out when the answer itself is given");

        var incomplete = await s.CompleteAsync(id, "Task_DraftImmediateAnswer", new { reviewOutcome = "founded" }, expectSuccess: false);
        incomplete.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await incomplete.JsonAsync()).ToJsonString().Should().Contain("answerSummary");
        await s.CompleteAsync(id, "Task_DraftImmediateAnswer",
            new { reviewOutcome = "founded", answerSummary = "Votre avenant est rectifié ce jour." });
        // LU (seed 004): every answer is validated by Direction, then countersigned by the complaints officer, before it leaves.
        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_ValidateAnswerDirection");
        await s.CompleteAsync(id, "Task_ValidateAnswerDirection", new { answerApproved = true }, "direction");
        await s.CompleteAsync(id, "Task_CountersignAnswer", new { answerApproved = true }, "resp.reclamations");
        var signed = (await s.ComplaintAsync(id))["complaint"]!;
        signed["answerValidatedBy"]!.GetValue<string>().Should().Be("direction");
        signed["answerCountersignedBy"]!.GetValue<string>().Should().Be("resp.reclamations");
        signed["answerCountersignedAt"].Should().NotBeNull();

        var answer = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("claire.durand@example.org")).Subject;
        answer.Message.Subject.Should().Contain(reference).And.Contain("Réponse à votre réclamation");
        Text(answer).Should().Contain("Votre avenant est rectifié ce jour.").And.Contain("Commissariat aux Assurances");
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("Answered");
        complaint["outcome"]!.GetValue<string>().Should().Be("founded");
        complaint["answerSummary"]!.GetValue<string>().Should().Be("Votre avenant est rectifié ce jour.");
        complaint["acknowledgedAt"]!.GetValue<DateTimeOffset>().Should().Be(complaint["answeredAt"]!.GetValue<DateTimeOffset>());
        (await s.OpenTaskKeysAsync(id)).Should().BeEmpty("the review still open is closed by the answer");
        var instance = await (await s.Client.GetAsync($"/api/engine/process-instances/{complaint["processInstanceId"]}")).JsonAsync();
        instance["activeActivityIds"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("Gateway_ClientReaction");

        (await s.Client.PostJsonAsync($"/api/complaints/{id}/client-reply", new { satisfied = true })).StatusCode.Should().Be(HttpStatusCode.OK);
        await s.SettleAsync();
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_CorrectiveActions");
    }

    [Fact]
    public async Task An_unfounded_complaint_gets_a_reasoned_rejection_with_the_mediator_then_a_second_level_answer()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "unfounded", findings = "Le conseil a été donné et signé." }, "sophie.bernard");
        await s.CompleteAsync(id, "Task_ExplainPosition", new { meetingDate = "2026-12-01", meetingSummary = "Appel du 1er décembre." });
        await s.CompleteAsync(id, "Task_DraftReasonedAnswer", new { answerSummary = "Le devoir de conseil a été respecté." });

        var rejection = (await s.MailsAsync(reference)).Should().ContainSingle(m => (m.Message.Subject ?? "").Contains("Réponse à votre réclamation")).Subject;
        Text(rejection).Should().Contain("Le devoir de conseil a été respecté.")
            .And.Contain("La Médiation de l'Assurance").And.Contain("www.mediation-assurance.org").And.Contain("TSA 50110");

        var reply = await s.Client.PostJsonAsync($"/api/complaints/{id}/client-reply", new { satisfied = false });
        reply.StatusCode.Should().Be(HttpStatusCode.OK);
        await s.SettleAsync();
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("SecondLevel");
        complaint["level"]!.GetValue<string>().Should().Be("Second");
        var secondLevel = (await s.ComplaintTasksAsync(id)).Should().ContainSingle().Subject!;
        secondLevel["taskDefinitionKey"]!.GetValue<string>().Should().Be("Task_SecondLevelReview");
        secondLevel["candidateGroups"]!.AsArray().Select(g => g!.GetValue<string>()).Should().Equal(["ComplaintsOfficer"],
            "FR (seed 003): the second level is given by the person responsible for the complaint-handling process");
        await s.CompleteAsync(id, "Task_SecondLevelReview", new { secondLevelDecision = "maintained", secondLevelSummary = "La Direction maintient la position." }, "resp.reclamations");

        // Every measure documented as register fields (seed 000), not only as process variables.
        var documented = (await s.ComplaintAsync(id))["complaint"]!;
        documented["reviewFindings"]!.GetValue<string>().Should().Be("Le conseil a été donné et signé.");
        documented["meetingDate"]!.GetValue<string>().Should().Be("2026-12-01");
        documented["meetingSummary"]!.GetValue<string>().Should().Be("Appel du 1er décembre.");
        documented["secondLevelDecision"]!.GetValue<string>().Should().Be("maintained");
        documented["secondLevelReasons"]!.GetValue<string>().Should().Be("La Direction maintient la position.");
        var second = (await s.MailsAsync(reference)).Should().ContainSingle(m => (m.Message.Subject ?? "").Contains("nouvel examen")).Subject;
        Text(second).Should().Contain("La Direction maintient la position.").And.Contain("La Médiation de l'Assurance");
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_CorrectiveActions");
    }

    [Fact]
    public async Task A_legal_threat_alerts_direction_and_runs_the_litigation_branch_with_letters_to_insurer_and_counsel()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "legalThreat", findings = "Le client annonce une assignation." }, "sophie.bernard");

        var toDirection = (await s.MailsAsync(reference)).Where(m => m.EnvelopeRecipients.Contains("direction@cabinet-test.fr")).ToList();
        toDirection.Should().HaveCount(2, "LU: Direction hears of every new complaint on receipt, then of the threat");
        toDirection[0].Message.Subject.Should().Contain("Nouvelle réclamation");
        toDirection[1].Message.Subject.Should().Contain("Menace");
        (await s.ComplaintAsync(id))["complaint"]!["status"]!.GetValue<string>().Should().Be("Litigation");

        await s.CompleteAsync(id, "Task_DeclareToInsurer", new
        {
            insurerName = "RCP Assurances", insurerEmail = "sinistres@rcp-assurances.example", policyNumber = "RCP-778",
            declarationSummary = "Menace d'assignation pour défaut de conseil.",
        }, "associe.rcp");
        var declaration = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("sinistres@rcp-assurances.example")).Subject;
        declaration.Message.Subject.Should().Contain("Déclaration de sinistre");
        Text(declaration).Should().Contain("RCP-778");

        await s.CompleteAsync(id, "Task_ChooseCounsel", new { counselName = "Maître Lefèvre", counselEmail = "cabinet@lefevre-avocats.example" }, "associe.rcp");
        var counsel = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("cabinet@lefevre-avocats.example")).Subject;
        Text(counsel).Should().Contain("Maître Lefèvre");

        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_OrganiseDocumentReview", "Task_OrganiseMeetings", "Task_PrepareRehearsals");
        await s.CompleteAsync(id, "Task_OrganiseMeetings", new { }, "associe.rcp");
        await s.CompleteAsync(id, "Task_PrepareRehearsals", new { }, "associe.rcp");
        await s.CompleteAsync(id, "Task_OrganiseDocumentReview", new { }, "associe.rcp");
        await s.CompleteAsync(id, "Task_RecordLitigationOutcome", new { litigationOutcome = "Transaction signée.", litigationAnswerSent = false }, "associe.rcp");

        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_CorrectiveActions");
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("Closed");
        complaint["outcome"]!.GetValue<string>().Should().Be("legalThreat");
        // No letter went to the client at the end: no answer is recorded, and the restricted outcome is not the answer.
        complaint["answeredAt"].Should().BeNull();
        complaint["answerSummary"].Should().BeNull();
    }

    [Fact]
    public async Task Deadlines_remind_record_breaches_and_propose_a_delay_letter_and_a_silent_client_closes_the_file()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("LU-CAA", await NowAsync(s), oral: true));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        var invitation = (await s.MailsAsync(reference)).Should().ContainSingle(m => m.EnvelopeRecipients.Contains("claire.durand@example.org")).Subject;
        invitation.Message.Subject.Should().Contain("Invitation à nous écrire");
        Text(invitation).Should().Contain("par écrit");

        await s.CompleteAsync(id, "Task_Qualify", new { qualification = "complaint" });
        await s.AdvanceAsync("P20D"); // past the 10 working days: reminder, then breach
        var complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Contain("acknowledgement");
        (await s.MailsAsync(reference)).Where(m => m.EnvelopeRecipients.Contains("responsable@cabinet-test.fr")).Should().HaveCount(2);

        await s.CompleteAsync(id, "Task_Acknowledge", new { });
        await s.CompleteAsync(id, "Task_AssignReviewer", new { reviewer = "sophie.bernard" }, "resp.reclamations");
        await s.AdvanceAsync("P1D"); // 10 days before the 30-day answer deadline (LU)
        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_PrepareDelayLetter");
        await s.CompleteAsync(id, "Task_PrepareDelayLetter", new { delayReasons = "Pièces attendues de l'assureur.", expectedDate = "2027-02-15" });
        var delay = (await s.MailsAsync(reference)).Should().ContainSingle(m => (m.Message.Subject ?? "").Contains("délai de réponse")).Subject;
        Text(delay).Should().Contain("Pièces attendues de l'assureur.").And.Contain("15 février 2027");
        // LU: the CAA can be seized as many days later as the answer is postponed.
        var delayed = (await s.ComplaintAsync(id))["complaint"]!;
        delayed["answerExpectedOn"]!.GetValue<string>().Should().Be("2027-02-15");
        delayed["delayReasons"]!.GetValue<string>().Should().Be("Pièces attendues de l'assureur.");
        var postponedBy = new DateOnly(2027, 2, 15).DayNumber - DateOnly.Parse(delayed["responseDueDate"]!.GetValue<string>()).DayNumber;
        postponedBy.Should().BePositive();
        DateOnly.Parse(delayed["externalRecourseFrom"]!.GetValue<string>())
            .Should().Be(DateOnly.Parse(complaint["externalRecourseFrom"]!.GetValue<string>()).AddDays(postponedBy));

        await s.AdvanceAsync("P10D"); // past the answer deadline
        (await s.ComplaintAsync(id))["complaint"]!["deadlineBreaches"]!.AsArray().Select(b => b!.GetValue<string>()).Should().Contain("response");
        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_HandleResponseBreach");
        var undocumented = await s.CompleteAsync(id, "Task_HandleResponseBreach", new { }, "resp.reclamations", expectSuccess: false);
        undocumented.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the reasons of a late answer must be documented");
        await s.CompleteAsync(id, "Task_HandleResponseBreach", new { lateAnswerReasons = "Expertise de l'assureur attendue." }, "resp.reclamations");
        (await s.ComplaintAsync(id))["complaint"]!["lateAnswerReasons"]!.GetValue<string>().Should().Be("Expertise de l'assureur attendue.");

        await s.CompleteAsync(id, "Task_Review", new { reviewOutcome = "partlyFounded", findings = "Frais mal expliqués." }, "sophie.bernard");
        await s.CompleteAsync(id, "Task_PrepareOffer", new { offerText = "Remboursement des frais." });
        await s.CompleteAsync(id, "Task_ApproveOfferPartner", new { offerApproved = true }, "associe.rcp");
        await s.CompleteAsync(id, "Task_ValidateOfferDirection", new { offerApproved = true }, "direction");
        await s.CompleteAsync(id, "Task_CountersignAnswer", new { answerApproved = true }, "resp.reclamations"); // LU: countersigned
        (await s.ComplaintAsync(id))["complaint"]!["status"]!.GetValue<string>().Should().Be("Answered");

        await s.AdvanceAsync("P2M1D"); // no reply from the client by the end of the day two months after the answer (profile)
        complaint = (await s.ComplaintAsync(id))["complaint"]!;
        complaint["status"]!.GetValue<string>().Should().Be("Closed");
        complaint["clientReaction"]!.GetValue<string>().Should().Be("Sans réponse du client");
        (await s.OpenTaskKeysAsync(id)).Should().Equal("Task_CorrectiveActions");
    }

    [Fact]
    public async Task A_press_inquiry_at_any_time_gives_direction_a_crisis_task()
    {
        await using var s = await ComplaintScenario.StartAsync();
        var created = await s.RegisterAsync(ComplaintRequests.New("FR-ACPR", await NowAsync(s)));
        var id = created["id"]!.GetValue<string>();
        var reference = created["reference"]!.GetValue<string>();
        var response = await s.Client.PostJsonAsync("/api/engine/messages", new { messageName = "press-inquiry", businessKey = reference });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var press = (await s.ComplaintTasksAsync(id)).Should().ContainSingle(t => t!["taskDefinitionKey"]!.GetValue<string>() == "Task_PressInquiry").Subject!;
        press["candidateGroups"]!.AsArray().Select(g => g!.GetValue<string>()).Should().Equal("Direction");
        (await s.OpenTaskKeysAsync(id)).Should().Contain("Task_Qualify");
    }
}
