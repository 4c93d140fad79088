// The designer's bpmnlint configuration: the rules mirror what our engine refuses at deployment (BpmnParser, BpmnValidator,
// HandlerNameCheck), so a problem shows on the diagram while drawing, before "Valider" asks the engine itself.
// bpmnlint is normally fed a config compiled by bpmnlint-pack-config; we build the same { config, resolver } pair by hand,
// with our rules as a plugin named "reclamations" (package "bpmnlint-plugin-reclamations") and a few of bpmnlint's own.
// Messages are in French (ours directly, bpmnlint's through the translate module: french.js).
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';

const is = (node, type) => typeof node.$instanceOf === 'function' && node.$instanceOf(type);

/** Flow elements the engine cannot execute (FlowNodeReader refuses them). */
const UNSUPPORTED_ELEMENTS = {
  'bpmn:ScriptTask': 'tâche de script',
  'bpmn:BusinessRuleTask': 'tâche de règle métier',
  'bpmn:ComplexGateway': 'passerelle complexe',
  'bpmn:Transaction': 'transaction',
  'bpmn:AdHocSubProcess': 'sous-processus ad hoc',
};

/** Event definitions the engine does not support (EventDefinitionReader: timer, message, error, escalation, terminate only). */
const UNSUPPORTED_EVENTS = {
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ConditionalEventDefinition': 'condition',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:LinkEventDefinition': 'lien',
  'bpmn:CancelEventDefinition': 'annulation',
};

/** The handler name the engine reads from an implementation (HandlerNames.FromExpression: `${ name }` → name). */
function nameOf(expression) {
  const text = String(expression).trim();
  const match = /^[$#]\{(.*)\}$/s.exec(text);
  return match ? match[1].trim() : text;
}

function gatewayOutgoing() {
  return {
    check(node, reporter) {
      if (is(node, 'bpmn:Gateway') && !(node.outgoing || []).length) {
        reporter.report(node.id, "La passerelle n'a aucun flux sortant : le moteur la refuse.");
      }
    },
  };
}

function supportedElements() {
  return {
    check(node, reporter) {
      for (const [type, label] of Object.entries(UNSUPPORTED_ELEMENTS)) {
        if (is(node, type)) reporter.report(node.id, `Élément non pris en charge par le moteur (${label}).`);
      }
      for (const definition of node.eventDefinitions || []) {
        const label = UNSUPPORTED_EVENTS[definition.$type];
        if (label) reporter.report(node.id, `Événement de type ${label} non pris en charge par le moteur.`);
      }
    },
  };
}

/** Service and send tasks, and throwing message events: one implementation, whose name the application registered. */
function knownHandler(known) {
  const topics = new Set(known.topics || []);
  const checkImplementation = (owner, id, reporter, required) => {
    const type = owner.get('camunda:type');
    const topic = owner.get('camunda:topic');
    const names = [];
    if (type && type !== 'external') {
      reporter.report(id, `camunda:type="${type}" n'est pas pris en charge : seul « external » (avec un sujet) l'est.`);
      return;
    }
    if (type === 'external' && !topic) { reporter.report(id, 'Tâche externe sans sujet (camunda:topic).'); return; }
    if (topic && type !== 'external') { reporter.report(id, 'Un sujet (camunda:topic) exige camunda:type="external".'); return; }
    if (topic) names.push(topic);
    for (const attribute of ['camunda:class', 'camunda:delegateExpression', 'camunda:expression']) {
      if (owner.get(attribute)) names.push(nameOf(owner.get(attribute)));
    }
    if (names.length > 1) { reporter.report(id, 'Plus d\'une implémentation : gardez-en une seule.'); return; }
    if (names.length === 0) {
      if (required) reporter.report(id, 'Aucune implémentation : choisissez « Tâche externe » et un sujet connu.');
      return;
    }
    if (!topics.has(names[0])) {
      reporter.report(id, `Sujet « ${names[0]} » inconnu de l'application (sujets connus : ${[...topics].join(', ')}).`);
    }
  };
  return {
    check(node, reporter) {
      if (is(node, 'bpmn:ServiceTask') || is(node, 'bpmn:SendTask')) {
        checkImplementation(node, node.id, reporter, true);
      } else if (is(node, 'bpmn:IntermediateThrowEvent') || is(node, 'bpmn:EndEvent')) {
        for (const definition of node.eventDefinitions || []) {
          if (is(definition, 'bpmn:MessageEventDefinition')) checkImplementation(definition, node.id, reporter, false);
        }
      }
    },
  };
}

/** Execution and task listeners: a class, delegate expression or expression naming a registered listener. */
function knownListener(known) {
  const execution = new Set(known.executionListeners || []);
  const task = new Set(known.taskListeners || []);
  return {
    check(node, reporter) {
      const values = (node.extensionElements && node.extensionElements.values) || [];
      for (const listener of values) {
        const isTask = listener.$type === 'camunda:TaskListener';
        if (!isTask && listener.$type !== 'camunda:ExecutionListener') continue;
        const implementation = listener.get('class') || listener.get('delegateExpression') || listener.get('expression');
        if (!implementation) {
          if (!listener.get('script')) reporter.report(node.id, 'Écouteur sans implémentation (classe, expression déléguée ou expression).');
          else reporter.report(node.id, 'Les écouteurs par script ne sont pas pris en charge par le moteur.');
          continue;
        }
        const name = nameOf(implementation);
        const names = isTask ? task : execution;
        if (!names.has(name)) {
          reporter.report(node.id, `Écouteur ${isTask ? 'de tâche' : "d'exécution"} « ${name} » inconnu de l'application.`);
        }
      }
    },
  };
}

/**
 * The { config, resolver } pair bpmn-js-bpmnlint expects, for the handler names this application registered
 * (`known`: { topics, executionListeners, taskListeners }, given by the server in the page's data-known-handlers).
 */
export function engineLintConfig(known) {
  const rules = {
    'bpmnlint/no-disconnected': noDisconnected,
    'bpmnlint/conditional-flows': conditionalFlows,
    'bpmnlint/start-event-required': startEventRequired,
    'bpmnlint/no-duplicate-sequence-flows': noDuplicateSequenceFlows,
    'bpmnlint/single-event-definition': singleEventDefinition,
    'bpmnlint-plugin-reclamations/gateway-outgoing': gatewayOutgoing,
    'bpmnlint-plugin-reclamations/supported-elements': supportedElements,
    'bpmnlint-plugin-reclamations/known-handler': () => knownHandler(known),
    'bpmnlint-plugin-reclamations/known-listener': () => knownListener(known),
  };
  const resolver = {
    resolveRule(pkg, ruleName) {
      const rule = rules[`${pkg}/${ruleName}`];
      if (!rule) throw new Error(`cannot resolve rule <${pkg}/${ruleName}>`);
      return rule;
    },
    resolveConfig(pkg, configName) {
      throw new Error(`cannot resolve config <${configName}> in <${pkg}>`);
    },
  };
  const config = {
    rules: {
      'no-disconnected': 'error',
      'conditional-flows': 'error',
      'start-event-required': 'error',
      'no-duplicate-sequence-flows': 'error',
      'single-event-definition': 'error',
      'reclamations/gateway-outgoing': 'error',
      'reclamations/supported-elements': 'error',
      'reclamations/known-handler': 'error',
      'reclamations/known-listener': 'error',
    },
  };
  return { config, resolver };
}
