using Reclamations.Engine.Model;
using Reclamations.Engine.Parsing;

namespace Reclamations.Engine.Tests.Parsing;

/// <summary>Fixtures/all-elements.bpmn holds one of every supported element.</summary>
public sealed class AllElementsFixtureTests
{
    private readonly ProcessModel process = BpmnParser.Parse(BpmnText.Fixture("all-elements.bpmn")).Single();

    private T Node<T>(string id) where T : FlowNode => process.Node(id).Should().BeOfType<T>().Subject;

    [Fact]
    public void Process_attributes_and_listeners_are_read()
    {
        process.Id.Should().Be("P_All");
        process.Name.Should().Be("All elements");
        process.VersionTag.Should().Be("1.2");
        process.ExecutionListeners.Should().Equal(new ListenerDefinition("start", "auditStart"));
    }

    [Fact]
    public void Every_node_and_flow_of_every_level_is_indexed()
    {
        process.NodesById.Should().HaveCount(35);
        process.NodesById.Keys.Should().Contain(["Sub_Task", "Event_Sub", "Event_Sub_Start", "Sub_Timer", "Call_Error"]);
        process.FlowsById.Should().HaveCount(32);
        process.FlowsById.Keys.Should().Contain(["Sub_F1", "Event_Sub_F"]);
    }

    [Fact]
    public void Start_events_with_form_and_message()
    {
        var start = Node<StartEvent>("Start_None");
        start.Name.Should().Be("Complaint entered");
        start.EventDefinition.Should().BeNull();
        start.FormFields.Should().HaveCount(2);
        var amount = start.FormFields[0];
        amount.Should().BeEquivalentTo(new { Id = "amount", Label = "Amount", Type = "long", DefaultValue = "10", IsRequired = true });
        amount.Constraints.Should().Contain("min", "1");
        start.FormFields[1].Values.Should().Equal(new FormFieldValue("mail", "Mail"), new FormFieldValue("phone", "Phone"));
        Node<StartEvent>("Start_Msg").EventDefinition.Should().Be(new MessageEventDefinition("ComplaintFiled"));
        process.NoneStartEvent.Should().BeSameAs(start);
    }

    [Fact]
    public void User_task_has_camunda_attributes_listeners_and_io()
    {
        var task = Node<UserTask>("Review");
        task.Should().BeEquivalentTo(new
        {
            Name = "Review",
            AsyncBefore = true,
            AsyncAfter = false,
            Assignee = "${initiator}",
            CandidateUsers = "ann,bob",
            CandidateGroups = "handlers",
            DueDate = "${due}",
            FollowUpDate = "P2D",
            Priority = "60",
            FormKey = "embedded:app:review.html",
            FailedJobRetryTimeCycle = "R3/PT1M",
        });
        task.TaskListeners.Should().Equal(new ListenerDefinition("create", "assignHandler"));
        task.ExecutionListeners.Should().Equal(new ListenerDefinition("end", "Reclamations.AuditEnd"));
        task.Inputs.Should().Equal(new IoParameter("deadline", "${due}"));
        task.Outputs.Should().Equal(new IoParameter("decision", "${accepted}"));
        task.Incoming.Select(f => f.Id).Should().Equal("F_1", "F_2");
    }

    [Fact]
    public void Service_and_send_tasks_bind_to_handler_names()
    {
        Node<ServiceTask>("Notify").Should().BeEquivalentTo(new { Kind = "serviceTask", Topic = "notify", AsyncAfter = true });
        Node<ServiceTask>("Mail").Should().BeEquivalentTo(new { Kind = "sendTask", Topic = "Reclamations.Mail.SendHandler" });
        Node<ServiceTask>("Mail").ElementType.Should().Be("sendTask");
        Node<ServiceTask>("Archive").Topic.Should().Be("archiver");
    }

    [Fact]
    public void Gateways_have_default_flows_and_conditions()
    {
        var decide = Node<ExclusiveGateway>("Decide");
        decide.DefaultFlow!.Id.Should().Be("F_Default");
        decide.Outgoing.Single(f => f.Id == "F_Accept").Condition.Should().Be("${accepted}");
        Node<InclusiveGateway>("Include").DefaultFlow!.Id.Should().Be("F_Inc_B");
        process.FlowsById["F_Inc_A"].Condition.Should().Be("${amount > 100}");
        Node<ParallelGateway>("Fork").Outgoing.Select(f => f.Target.Id).Should().Equal("Mail", "Archive");
        Node<EventBasedGateway>("Wait").Outgoing.Select(f => f.Target.Id).Should().Equal("Catch_Doc", "Catch_Timeout", "Receive_Reply");
    }

    [Fact]
    public void Flows_link_source_and_target_objects()
    {
        var flow = process.FlowsById["F_3"];
        flow.Source.Should().BeSameAs(process.Node("Review"));
        flow.Target.Should().BeSameAs(process.Node("Decide"));
        process.Node("Review").Outgoing.Should().ContainSingle().Which.Should().BeSameAs(flow);
        process.Node("Decide").Incoming.Should().ContainSingle().Which.Should().BeSameAs(flow);
    }

    [Fact]
    public void Catch_and_throw_events_and_receive_task()
    {
        Node<IntermediateCatchEvent>("Catch_Doc").EventDefinition.Should().Be(new MessageEventDefinition("DocumentReceived"));
        Node<IntermediateCatchEvent>("Catch_Timeout").EventDefinition.Should().Be(new TimerEventDefinition(TimerKind.Duration, "P5D"));
        Node<ReceiveTask>("Receive_Reply").MessageName.Should().Be("Msg_Reply");
        Node<IntermediateThrowEvent>("Throw_Late").EventDefinition.Should().Be(new EscalationEventDefinition("LATE"));
        Node<IntermediateThrowEvent>("Throw_None").EventDefinition.Should().BeNull();
        Node<IntermediateThrowEvent>("Publish").EventDefinition.Should().Be(new MessageEventDefinition("DocumentReceived", "publish"));
        Node<ManualTask>("Manual").ElementType.Should().Be("manualTask");
        Node<PlainTask>("Plain").ElementType.Should().Be("task");
    }

    [Fact]
    public void End_events_of_every_kind()
    {
        Node<EndEvent>("End_None").EventDefinition.Should().BeNull();
        Node<EndEvent>("End_Terminate").EventDefinition.Should().BeOfType<TerminateEventDefinition>();
        Node<EndEvent>("End_Error").EventDefinition.Should().Be(new ErrorEventDefinition("INVALID"));
        Node<EndEvent>("End_Message").EventDefinition.Should().Be(new MessageEventDefinition("closingLetter", "closingLetter"));
    }

    [Fact]
    public void Subprocess_holds_its_nodes_and_event_subprocess()
    {
        var sub = Node<SubProcess>("Sub");
        sub.Scope.Should().BeSameAs(process);
        sub.FlowNodes.Select(n => n.Id).Should().Equal("Sub_Start", "Sub_Task", "Sub_End", "Event_Sub");
        sub.SequenceFlows.Select(f => f.Id).Should().Equal("Sub_F1", "Sub_F2");
        process.Node("Sub_Task").Scope.Should().BeSameAs(sub);

        var eventSub = Node<SubProcess>("Event_Sub");
        eventSub.TriggeredByEvent.Should().BeTrue();
        eventSub.ElementType.Should().Be("eventSubProcess");
        eventSub.Scope.Should().BeSameAs(sub);
        sub.EventSubProcesses.Should().ContainSingle().Which.Should().BeSameAs(eventSub);
        var start = Node<StartEvent>("Event_Sub_Start");
        start.IsInterrupting.Should().BeFalse();
        start.EventDefinition.Should().Be(new MessageEventDefinition("ComplaintCancelled"));
        start.Scope.Should().BeSameAs(eventSub);
    }

    [Fact]
    public void Boundary_events_are_attached_and_live_in_the_activity_scope()
    {
        var timer = Node<BoundaryEvent>("Sub_Timer");
        timer.AttachedTo.Should().BeSameAs(process.Node("Sub"));
        timer.CancelActivity.Should().BeFalse();
        timer.EventDefinition.Should().Be(new TimerEventDefinition(TimerKind.Date, "2030-01-01T00:00:00Z"));
        timer.Scope.Should().BeSameAs(process);
        Node<SubProcess>("Sub").BoundaryEvents.Should().ContainSingle().Which.Should().BeSameAs(timer);

        var error = Node<BoundaryEvent>("Call_Error");
        error.CancelActivity.Should().BeTrue();
        error.EventDefinition.Should().Be(new ErrorEventDefinition("INVALID"));
        Node<CallActivity>("Call").BoundaryEvents.Should().ContainSingle().Which.Should().BeSameAs(error);
    }

    [Fact]
    public void Call_activity_with_mappings_and_multi_instance()
    {
        var call = Node<CallActivity>("Call");
        call.CalledElement.Should().Be("child");
        call.BusinessKeyExpression.Should().Be("${execution.processBusinessKey}");
        call.InMappings.Should().Equal(
            new VariableMapping("complaintId", null, "parentId", false),
            new VariableMapping(null, "${amount * 2}", "doubled", false),
            new VariableMapping(null, null, null, true));
        call.OutMappings.Should().Equal(new VariableMapping("result", null, "childResult", false, Local: true));
        call.MultiInstance.Should().Be(new MultiInstanceDefinition(false, "${items}", "item", null, "${done}"));
    }
}
