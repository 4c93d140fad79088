using Reclamations.Engine.Model;

namespace Reclamations.Engine.Tests.Parsing;

public sealed class CamundaExtensionTests
{
    private static string SingleErrorAbout(string nodeXml)
    {
        var error = BpmnText.NodeErrors(nodeXml).Should().ContainSingle().Subject;
        error.ElementId.Should().Be("X");
        return error.Message;
    }

    [Theory]
    [InlineData("""camunda:type="external" camunda:topic="mail" """, "mail")]
    [InlineData("""camunda:class="My.Handler" """, "My.Handler")]
    [InlineData("""camunda:delegateExpression="${mailer}" """, "mailer")]
    [InlineData("""camunda:expression="${mailer.send(execution)}" """, "mailer.send(execution)")]
    public void Service_task_implementation_maps_to_a_handler_name(string attributes, string handler)
    {
        var task = (ServiceTask)BpmnText.ParseNode($"<bpmn:serviceTask id=\"X\" {attributes}/>");

        task.Topic.Should().Be(handler);
    }

    [Theory]
    [InlineData("""<bpmn:serviceTask id="X" />""", "has no implementation")]
    [InlineData("""<bpmn:sendTask id="X" />""", "sendTask has no implementation")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:type="external" />""", "without camunda:topic")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:topic="t" />""", "without camunda:type")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:type="connector" />""", "camunda:type=\"connector\"")]
    [InlineData("""<bpmn:serviceTask id="X" camunda:class="A" camunda:delegateExpression="${b}" />""", "more than one implementation")]
    public void Service_task_without_a_usable_implementation_is_refused(string nodeXml, string expected)
    {
        SingleErrorAbout(nodeXml).Should().Contain(expected);
    }

    [Fact]
    public void Async_is_an_alias_of_async_before()
    {
        BpmnText.ParseNode("""<bpmn:task id="X" camunda:async="true" />""").AsyncBefore.Should().BeTrue();
    }

    [Fact]
    public void Take_listeners_of_a_sequence_flow_are_read()
    {
        var process = BpmnText.ParseProcess("""
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="End">
              <bpmn:extensionElements><camunda:executionListener expression="${counter}" /></bpmn:extensionElements>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="End" />
            """);

        process.FlowsById["F"].TakeListeners.Should().Equal(new ListenerDefinition("take", "counter"));
    }

    [Theory]
    [InlineData("""<camunda:executionListener event="start" />""", "needs class, delegateExpression or expression")]
    [InlineData("""<camunda:executionListener event="take" class="A" />""", "event 'take' is not supported")]
    [InlineData("""<camunda:executionListener class="A" />""", "event '' is not supported")]
    [InlineData("""<camunda:executionListener event="end"><camunda:script scriptFormat="js">x</camunda:script></camunda:executionListener>""", "camunda:script")]
    [InlineData("""<camunda:executionListener event="end" class="A"><camunda:field name="f" stringValue="v" /></camunda:executionListener>""", "camunda:field")]
    public void Unusable_execution_listener_is_refused(string listener, string expected)
    {
        SingleErrorAbout($"<bpmn:task id=\"X\"><bpmn:extensionElements>{listener}</bpmn:extensionElements></bpmn:task>")
            .Should().Contain(expected);
    }

    [Fact]
    public void Task_listener_with_timeout_event_is_refused()
    {
        SingleErrorAbout("""
            <bpmn:userTask id="X"><bpmn:extensionElements>
              <camunda:taskListener event="timeout" class="A" />
            </bpmn:extensionElements></bpmn:userTask>
            """).Should().Contain("event 'timeout'");
    }

    [Fact]
    public void Io_parameter_without_text_has_a_null_value()
    {
        var task = (Activity)BpmnText.ParseNode("""
            <bpmn:task id="X"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="empty" />
              <camunda:inputParameter name="literal">hello</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """);

        task.Inputs.Should().Equal(new IoParameter("empty", null), new IoParameter("literal", "hello"));
    }

    [Theory]
    [InlineData("camunda:list")]
    [InlineData("camunda:map")]
    [InlineData("camunda:script")]
    public void Nested_io_parameter_value_is_not_supported(string nested)
    {
        SingleErrorAbout($"""
            <bpmn:task id="X"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="p"><{nested} /></camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """).Should().Contain($"uses {nested}, which is not supported");
    }

    [Fact]
    public void Io_parameters_on_a_gateway_are_refused()
    {
        SingleErrorAbout("""
            <bpmn:exclusiveGateway id="X"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="p">v</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:exclusiveGateway>
            """).Should().Contain("only supported on activities");
    }

    [Fact]
    public void Unknown_extension_elements_are_ignored()
    {
        BpmnText.ParseNode("""
            <bpmn:task id="X"><bpmn:extensionElements>
              <camunda:properties><camunda:property name="a" value="b" /></camunda:properties>
            </bpmn:extensionElements></bpmn:task>
            """).Should().BeOfType<PlainTask>();
    }

    [Theory]
    [InlineData("""<camunda:formField id="f" type="custom" />""", "has type 'custom'")]
    [InlineData("""<camunda:formField id="f" />""", "has type ''")]
    [InlineData("""<camunda:formField id="f" type="enum" />""", "enum form field 'f' has no camunda:value")]
    [InlineData("""<camunda:formField type="string" />""", "has no id")]
    [InlineData("""<camunda:formField id="f" type="string"><camunda:validation><camunda:constraint config="1" /></camunda:validation></camunda:formField>""", "has no name")]
    [InlineData("""<camunda:formField id="f" type="string"><camunda:properties><camunda:property id="userPicker" /></camunda:properties></camunda:formField>""", "needs an id and a value")]
    public void Invalid_form_field_is_refused(string field, string expected)
    {
        SingleErrorAbout($"<bpmn:userTask id=\"X\"><bpmn:extensionElements><camunda:formData>{field}</camunda:formData></bpmn:extensionElements></bpmn:userTask>")
            .Should().Contain(expected);
    }

    [Theory]
    [InlineData("string")]
    [InlineData("long")]
    [InlineData("boolean")]
    [InlineData("date")]
    public void Simple_form_field_types_are_accepted(string type)
    {
        var task = (UserTask)BpmnText.ParseNode($"""
            <bpmn:userTask id="X"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="f" type="{type}" />
            </camunda:formData></bpmn:extensionElements></bpmn:userTask>
            """);

        task.FormFields.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "f", Type = type, IsRequired = false });
    }

    [Fact]
    public void Form_field_properties_are_read_as_hints_for_the_form()
    {
        var task = (UserTask)BpmnText.ParseNode("""
            <bpmn:userTask id="X"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="reviewer" type="string">
                <camunda:properties><camunda:property id="userPicker" value="Reviewer" /></camunda:properties>
              </camunda:formField>
              <camunda:formField id="plain" type="string" />
            </camunda:formData></bpmn:extensionElements></bpmn:userTask>
            """);

        task.FormFields[0].Properties.Should().Equal(new Dictionary<string, string> { ["userPicker"] = "Reviewer" });
        task.FormFields[1].Properties.Should().BeEmpty();
    }

    [Fact]
    public void User_task_properties_are_read_as_hints_for_the_application()
    {
        var task = (UserTask)BpmnText.ParseNode("""
            <bpmn:userTask id="X"><bpmn:extensionElements>
              <camunda:properties><camunda:property name="letterPreview" value="reponse-defavorable" /></camunda:properties>
            </bpmn:extensionElements></bpmn:userTask>
            """);

        task.Properties.Should().Equal(new Dictionary<string, string> { ["letterPreview"] = "reponse-defavorable" });
        ((UserTask)BpmnText.ParseNode("""<bpmn:userTask id="X" />""")).Properties.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""<camunda:property value="x" />""", "needs a name and a value")]
    [InlineData("""<camunda:property name="letterPreview" />""", "needs a name and a value")]
    [InlineData("""<camunda:property name="a" value="1" /><camunda:property name="a" value="2" />""", "'a' is given more than once")]
    public void Unusable_user_task_property_is_refused(string properties, string expected)
    {
        SingleErrorAbout($"<bpmn:userTask id=\"X\"><bpmn:extensionElements><camunda:properties>{properties}</camunda:properties></bpmn:extensionElements></bpmn:userTask>")
            .Should().Contain(expected);
    }

    [Fact]
    public void User_task_without_assignment_is_allowed()
    {
        var task = (UserTask)BpmnText.ParseNode("""<bpmn:userTask id="X" />""");

        task.Assignee.Should().BeNull();
        task.CandidateGroups.Should().BeNull();
    }

    [Fact]
    public void Sequential_multi_instance_with_loop_cardinality()
    {
        var task = (Activity)BpmnText.ParseNode("""
            <bpmn:userTask id="X">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            """);

        task.MultiInstance.Should().Be(new MultiInstanceDefinition(true, null, null, "3", null));
    }

    [Fact]
    public void Multi_instance_without_collection_or_cardinality_is_refused()
    {
        SingleErrorAbout("""<bpmn:task id="X"><bpmn:multiInstanceLoopCharacteristics /></bpmn:task>""")
            .Should().Contain("needs camunda:collection or loopCardinality");
    }

    [Theory]
    [InlineData("""<bpmn:callActivity id="X" />""", "has no calledElement")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="c" camunda:calledElementBinding="version" />""", "calledElementBinding=\"version\"")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="c"><bpmn:extensionElements><camunda:in target="t" /></bpmn:extensionElements></bpmn:callActivity>""", "camunda:in needs one of source or sourceExpression")]
    [InlineData("""<bpmn:callActivity id="X" calledElement="c"><bpmn:extensionElements><camunda:out source="s" /></bpmn:extensionElements></bpmn:callActivity>""", "and a target")]
    public void Invalid_call_activity_is_refused(string nodeXml, string expected)
    {
        SingleErrorAbout(nodeXml).Should().Contain(expected);
    }

    [Fact]
    public void Call_activity_business_key_attribute_and_all_variables_out()
    {
        var call = (CallActivity)BpmnText.ParseNode("""
            <bpmn:callActivity id="X" calledElement="child" camunda:businessKey="${key}">
              <bpmn:extensionElements><camunda:out variables="all" local="true" /></bpmn:extensionElements>
            </bpmn:callActivity>
            """);

        call.BusinessKeyExpression.Should().Be("${key}");
        call.OutMappings.Should().Equal(new VariableMapping(null, null, null, true, Local: true));
    }
}
