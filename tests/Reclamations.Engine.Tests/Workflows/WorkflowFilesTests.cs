using Reclamations.Engine.Expressions;
using Reclamations.Engine.Model;
using static Reclamations.Engine.Tests.Workflows.WorkflowFiles;

namespace Reclamations.Engine.Tests.Workflows;

/// <summary>The real files of <c>workflows/</c>: they parse, and they keep the contract the application codes against
/// (roles, form field ids, service task topics and inputs, letter templates, messages) and a complete diagram.</summary>
public sealed class WorkflowFilesTests
{
    private static readonly string[] Roles = ["Staff", "ComplaintsOfficer", "Reviewer", "Direction", "LegalPartner"];

    private static readonly Dictionary<string, string[]> TopicInputs = new()
    {
        ["send-letter"] = ["template", "recipient"],
        ["record-acknowledgement"] = [],
        ["record-answer"] = [],
        ["record-breach"] = ["deadline"],
        ["record-status"] = ["status"],
        ["record-closing"] = ["reason"],
        ["notify"] = ["role", "subject"],
        ["record-follow-up"] = [],
        ["record-delay"] = [],
        ["record-approval"] = ["step"],
        ["record-late-reasons"] = [],
        ["record-litigation"] = ["step"],
        ["update-corrective-action"] = [],
    };

    private static readonly Dictionary<string, string[]> AllowedInputValues = new()
    {
        ["recipient"] = ["complainant", "insurer", "counsel"],
        ["deadline"] = ["acknowledgement", "response", "secondLevel", "responseDuringLitigation"],
        ["status"] = ["InProgress", "Answered", "SecondLevel", "Litigation"],
        ["reason"] = ["notComplaint", "satisfied", "noReply", "secondLevel", "litigation"],
        ["role"] = ["Direction", "ComplaintsOfficer", "LegalPartner"],
        ["step"] = ["directionValidation", "countersign", "offerApproval", "offerValidation", "started", "details", "ended"],
    };

    public static TheoryData<string> Files => new(FileNames);

    [Fact]
    public void Both_files_parse_with_their_contract_ids_and_names()
    {
        var complaint = Process("complaint-handling.bpmn");
        complaint.Id.Should().Be("complaint-handling");
        complaint.Name.Should().Be("Traitement d'une réclamation");

        var litigation = Process("litigation.bpmn");
        litigation.Id.Should().Be("litigation");
        litigation.Name.Should().Be("Contentieux — associé responsable RC professionnelle");

        var call = complaint.Node("CallActivity_Litigation").Should().BeOfType<CallActivity>().Subject;
        call.CalledElement.Should().Be("litigation");
        call.InMappings.Should().ContainSingle().Which.All.Should().BeTrue();
        call.OutMappings.Should().ContainSingle().Which.All.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_user_task_has_candidate_groups_among_the_roles(string file)
    {
        foreach (var task in All<UserTask>(Process(file)))
        {
            // The second-level reviewer's group is a profile setting, copied into the process at registration.
            if (task.CandidateGroups == "${ secondLevelReviewerGroup }") continue;
            var groups = (task.CandidateGroups ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            groups.Should().NotBeEmpty($"user task {task.Id} needs candidate groups");
            groups.Should().BeSubsetOf(Roles, $"user task {task.Id} names roles by their code names");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Service_tasks_use_the_contract_topics_and_inputs(string file)
    {
        var templates = Folder("templates");
        foreach (var task in All<ServiceTask>(Process(file)))
        {
            TopicInputs.Should().ContainKey(task.Topic, $"{task.Id} must use a topic the application implements");
            task.Inputs.Select(i => i.Name).Should().BeEquivalentTo(TopicInputs[task.Topic], $"inputs of {task.Id}");
            foreach (var input in task.Inputs.Where(i => AllowedInputValues.ContainsKey(i.Name)))
            {
                input.Value.Should().BeOneOf(AllowedInputValues[input.Name], $"input {input.Name} of {task.Id}");
            }

            if (task.Topic == "send-letter")
            {
                task.AsyncBefore.Should().BeTrue($"{task.Id} sends a letter: a failing mail must not roll back the user's completion");
                File.Exists(Path.Combine(templates, $"{Input(task, "template")}.scriban-html"))
                    .Should().BeTrue($"{task.Id} uses template '{Input(task, "template")}'");
            }
        }
    }

    [Fact]
    public void Letters_are_sent_where_the_process_says()
    {
        var letters = new[] { Process("complaint-handling.bpmn"), Process("litigation.bpmn") }
            .SelectMany(All<ServiceTask>)
            .Where(t => t.Topic == "send-letter")
            .ToDictionary(t => t.Id, t => (Input(t, "template"), Input(t, "recipient")));

        letters.Should().BeEquivalentTo(new Dictionary<string, (string?, string?)>
        {
            ["Task_SendInvitationToWrite"] = ("invitation-ecrit", "complainant"),
            ["Task_SendNotComplaintLetter"] = ("demande-non-reclamation", "complainant"),
            ["Task_SendAcknowledgement"] = ("accuse-reception", "complainant"),
            ["Task_SendImmediateAnswer"] = ("reponse-immediate", "complainant"),
            ["Task_SendOffer"] = ("offre-reglement", "complainant"),
            ["Task_SendRejection"] = ("reponse-defavorable", "complainant"),
            ["Task_SendDelayLetter"] = ("information-delai", "complainant"),
            ["Task_SendSecondLevelAnswer"] = ("reponse-second-niveau", "complainant"),
            ["Task_SendClosingLetter"] = ("cloture", "complainant"),
            ["Task_SendDeclaration"] = ("declaration-assureur-rcp", "insurer"),
            ["Task_SendCounselLetter"] = ("saisine-avocat", "counsel"),
            ["Task_InformClientOfDeclaration"] = ("information-declaration-sinistre", "complainant"),
            ["Task_SendLitigationAnswer"] = ("issue-contentieux", "complainant"),
        });
    }

    [Fact]
    public void Contract_form_fields_are_on_the_right_tasks()
    {
        var process = Process("complaint-handling.bpmn");

        var qualification = Field(process, "Task_Qualify", "qualification");
        qualification.Type.Should().Be("enum");
        qualification.IsRequired.Should().BeTrue();
        qualification.Values.Select(v => v.Id).Should().BeEquivalentTo("complaint", "notComplaint");
        Field(process, "Task_Qualify", "notComplaintAction").Values.Select(v => v.Id).Should().BeEquivalentTo("close", "transfer");
        Field(process, "Task_Qualify", "thirdParty").Type.Should().Be("string");

        Field(process, "Task_AssignReviewer", "reviewer").IsRequired.Should().BeTrue();
        var review = process.Node("Task_Review").Should().BeOfType<UserTask>().Subject;
        review.CandidateGroups.Should().Be("Reviewer");
        review.Assignee.Should().Be("${ reviewer }");
        review.TaskListeners.Should().BeEquivalentTo(new[]
        {
            new ListenerDefinition("assignment", "independent-reviewer"), new ListenerDefinition("complete", "first-level-decision"),
        });
        var secondLevel = process.Node("Task_SecondLevelReview").Should().BeOfType<UserTask>().Subject;
        secondLevel.CandidateGroups.Should().Be("${ secondLevelReviewerGroup }");
        secondLevel.TaskListeners.Should().Contain(new ListenerDefinition("assignment", "independent-second-level"));
        var outcome = Field(process, "Task_Review", "reviewOutcome");
        outcome.Type.Should().Be("enum");
        outcome.IsRequired.Should().BeTrue();
        outcome.Values.Select(v => v.Id).Should().BeEquivalentTo("founded", "partlyFounded", "unfounded", "legalThreat");
        Field(process, "Task_Review", "findings").IsRequired.Should().BeTrue();

        Field(process, "Task_PrepareOffer", "offerAmount").Type.Should().Be("long");
        Field(process, "Task_PrepareOffer", "offerText").IsRequired.Should().BeTrue();
        foreach (var approval in new[] { "Task_ApproveOfferPartner", "Task_ValidateOfferDirection" })
        {
            var approved = Field(process, approval, "offerApproved");
            approved.Type.Should().Be("boolean");
            approved.IsRequired.Should().BeTrue();
        }

        Field(process, "Task_ExplainPosition", "meetingDate").Type.Should().Be("date");
        Field(process, "Task_ExplainPosition", "meetingSummary").IsRequired.Should().BeTrue();
        Field(process, "Task_DraftReasonedAnswer", "answerSummary").IsRequired.Should().BeTrue();
        Field(process, "Task_PrepareDelayLetter", "delayReasons").IsRequired.Should().BeTrue();
        Field(process, "Task_PrepareDelayLetter", "expectedDate").Type.Should().Be("date");
        Field(process, "Task_SecondLevelReview", "secondLevelDecision").Values.Select(v => v.Id).Should().BeEquivalentTo("maintained", "revised");
        Field(process, "Task_SecondLevelReview", "secondLevelSummary").IsRequired.Should().BeTrue();
        foreach (var id in new[] { "dysfunctions", "correctiveActions", "lessons" })
        {
            Field(process, "Task_CorrectiveActions", id).Type.Should().Be("string");
        }

        var litigation = Process("litigation.bpmn");
        foreach (var id in new[] { "insurerName", "insurerEmail", "policyNumber", "declarationSummary" })
        {
            Field(litigation, "Task_DeclareToInsurer", id).IsRequired.Should().BeTrue();
        }

        Field(litigation, "Task_ChooseCounsel", "counselName").IsRequired.Should().BeTrue();
        Field(litigation, "Task_ChooseCounsel", "counselEmail").IsRequired.Should().BeTrue();
        Field(litigation, "Task_RecordLitigationOutcome", "litigationOutcome").IsRequired.Should().BeTrue();
    }

    [Fact]
    public void Messages_and_timers_are_where_the_application_expects_them()
    {
        var process = Process("complaint-handling.bpmn");

        process.Node("Event_ClientReply").Should().BeOfType<IntermediateCatchEvent>()
            .Which.EventDefinition.Should().Be(new MessageEventDefinition("client-reply"));
        process.Node("Event_NoReply").Should().BeOfType<IntermediateCatchEvent>()
            .Which.EventDefinition.Should().Be(new TimerEventDefinition(TimerKind.Date, "${ clientReplyDueAt }"));
        var press = process.Node("StartEvent_PressInquiry").Should().BeOfType<StartEvent>().Subject;
        press.EventDefinition.Should().Be(new MessageEventDefinition("press-inquiry"));
        press.IsInterrupting.Should().BeFalse();
        press.Scope.Should().BeOfType<SubProcess>().Which.TriggeredByEvent.Should().BeTrue();

        // The regulatory deadlines are watched from registration, whatever step the complaint is at: non-interrupting timer
        // starts of event subprocesses of the process itself, on the dates stored with the complaint.
        var watches = All<StartEvent>(process).Where(e => e.EventDefinition is TimerEventDefinition).ToList();
        watches.Select(e => (e.Id, ((TimerEventDefinition)e.EventDefinition!).Value)).Should().BeEquivalentTo(new[]
        {
            ("StartEvent_AckReminder", "${ acknowledgementReminderAt }"),
            ("StartEvent_AckDeadline", "${ acknowledgementDueAt }"),
            ("StartEvent_DelayLetter", "${ answerReminderAt }"),
            ("StartEvent_ResponseDeadline", "${ answerDueAt }"),
        });
        foreach (var watch in watches)
        {
            watch.IsInterrupting.Should().BeFalse();
            watch.Scope.Should().BeOfType<SubProcess>().Which.TriggeredByEvent.Should().BeTrue();
            watch.Scope.Scope.Should().BeOfType<ProcessModel>("the watch runs from registration, whatever step the complaint is at");
        }

        var boundaries = All<BoundaryEvent>(process).ToList();
        boundaries.Select(b => (b.Id, b.AttachedTo.Id)).Should().BeEquivalentTo(new[]
        {
            ("BoundaryEvent_SecondLevelReminder", "Task_SecondLevelReview"),
            ("BoundaryEvent_SecondLevelDeadline", "Task_SecondLevelReview"),
        });
        boundaries.Should().OnlyContain(b => !b.CancelActivity && b.EventDefinition is TimerEventDefinition);
    }

    [Fact]
    public void No_duration_is_written_in_the_diagram_every_date_comes_from_the_stored_deadlines()
    {
        var process = Process("complaint-handling.bpmn");
        var timers = All<EventNode>(process).Select(e => e.EventDefinition).OfType<TimerEventDefinition>().ToList();
        timers.Should().NotBeEmpty().And.OnlyContain(t => t.Kind == TimerKind.Date && t.Value.StartsWith("${ ") && !t.Value.Contains('('),
            "a timer reads one stored date variable");
        All<UserTask>(process).Select(t => t.DueDate).OfType<string>().Should().OnlyContain(d => !d.Contains('('));
    }

    [Fact]
    public void Timer_and_due_date_expressions_evaluate_to_instants()
    {
        var start = new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.FromHours(1));
        var functions = new ExpressionFunctionRegistry();
        functions.Add("add_working_days", (DateTimeOffset date, int n, string profile) => date.AddDays(n + 2));
        functions.Add("add_months", (DateTimeOffset date, int n) => date.AddMonths(n));
        functions.Add("add_days", (DateTimeOffset date, int n) => date.AddDays(n));
        functions.Add("deadline_end", (DateTimeOffset date, string profile) => new DateTimeOffset(date.Date.AddDays(1), date.Offset));
        functions.Add("response_due", (DateTimeOffset date, string profile) => date.AddMonths(2));
        functions.Add("second_level_due", (DateTimeOffset date, string profile) => date.AddDays(90));
        var evaluator = new ExpressionEvaluator(functions);
        var variables = new Dictionary<string, object?> { ["clockStart"] = start, ["profile"] = "FR-ACPR", ["reviewer"] = "magali" };
        foreach (var name in new[] { "acknowledgementReminderAt", "acknowledgementDueAt", "answerReminderAt", "answerDueAt",
                     "secondLevelReminderAt", "secondLevelDueAt", "clientReplyDueAt" })
            variables[name] = start.AddDays(variables.Count);

        var process = Process("complaint-handling.bpmn");
        var expressions = All<EventNode>(process).Select(e => e.EventDefinition).OfType<TimerEventDefinition>()
            .Where(t => t.Kind == TimerKind.Date).Select(t => t.Value)
            .Concat(All<UserTask>(process).Select(t => t.DueDate).OfType<string>())
            .ToList();

        expressions.Should().HaveCount(10);
        foreach (var expression in expressions)
        {
            evaluator.Evaluate(expression, variables).Should().BeOfType<DateTimeOffset>($"{expression} is a timer date or due date");
        }
    }

    [Theory]
    [InlineData("founded", "Flow_Founded")]
    [InlineData("partlyFounded", "Flow_Founded")]
    [InlineData("unfounded", "Flow_Unfounded")]
    [InlineData("legalThreat", "Flow_LegalThreat")]
    public void Each_review_outcome_takes_exactly_one_route(string outcome, string expectedFlow)
    {
        var evaluator = new ExpressionEvaluator(new ExpressionFunctionRegistry());
        var gateway = Process("complaint-handling.bpmn").Node("Gateway_Outcome");
        var variables = new Dictionary<string, object?> { ["reviewOutcome"] = outcome };

        gateway.Outgoing.Where(f => evaluator.EvaluateCondition(f.Condition!, variables)).Select(f => f.Id)
            .Should().Equal(expectedFlow);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Diagram_has_a_shape_for_every_flow_node_and_an_edge_for_every_sequence_flow(string file)
    {
        var process = Process(file);
        var document = Document(file);
        var shapes = Shapes(document);
        var edges = Edges(document);

        document.Descendants(BpmnDi + "BPMNDiagram").Should().ContainSingle("every element is drawn on one plane");
        shapes.Keys.Should().BeEquivalentTo(process.NodesById.Keys);
        edges.Keys.Should().BeEquivalentTo(process.FlowsById.Keys);
        shapes.Values.Should().OnlyContain(b => b.W > 0 && b.H > 0 && b.X >= 0 && b.Y >= 0);
        edges.Values.Should().OnlyContain(points => points.Count >= 2);

        foreach (var subProcess in All<SubProcess>(process))
        {
            var outer = shapes[subProcess.Id];
            foreach (var node in subProcess.FlowNodes)
            {
                var inner = shapes[node.Id];
                (inner.X >= outer.X && inner.Y >= outer.Y && inner.X + inner.W <= outer.X + outer.W && inner.Y + inner.H <= outer.Y + outer.H)
                    .Should().BeTrue($"{node.Id} is drawn inside {subProcess.Id}");
            }
        }

        foreach (var boundary in All<BoundaryEvent>(process))
        {
            var host = shapes[boundary.AttachedTo.Id];
            var (x, y, w, h) = shapes[boundary.Id];
            var (cx, cy) = (x + w / 2, y + h / 2);
            var onBorder = (Math.Abs(cy - host.Y - host.H) < 1 || Math.Abs(cy - host.Y) < 1) && cx >= host.X && cx <= host.X + host.W;
            onBorder.Should().BeTrue($"{boundary.Id} is drawn on the border of {boundary.AttachedTo.Id}");
        }

        foreach (var flow in process.FlowsById.Values)
        {
            var points = edges[flow.Id];
            Touches(shapes[flow.Source.Id], points[0]).Should().BeTrue($"{flow.Id} starts at {flow.Source.Id}");
            Touches(shapes[flow.Target.Id], points[^1]).Should().BeTrue($"{flow.Id} ends at {flow.Target.Id}");
        }
    }

    private static bool Touches((double X, double Y, double W, double H) b, (double X, double Y) p) =>
        p.X >= b.X - 1 && p.X <= b.X + b.W + 1 && p.Y >= b.Y - 1 && p.Y <= b.Y + b.H + 1;
}
