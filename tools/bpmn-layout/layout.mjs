// Lays out BPMN files in place with bpmn-auto-layout:  node layout.mjs ../../workflows/*.bpmn
//
// bpmn-auto-layout does the grid layout. This script prepares the input it needs (bpmn:incoming/outgoing,
// subprocesses marked expanded), then fixes what it does not handle well: event subprocesses (laid out on
// their own, drawn below the main flow), several boundary events on one activity (spread, labels beside
// their flow), loop-back edges leaving their subprocess, and end events pushed far from their predecessor.
// The file is only written when its semantic content (everything but the diagram and the derived
// bpmn:incoming/outgoing refs) is unchanged: camunda attributes and extension elements must survive.
import { readFile, writeFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';
import { semanticDifference } from './semantic.mjs';

const moddle = new BpmnModdle();
const EVENT_SUBPROCESS_GAP = 60;
const EVENT_SUBPROCESS_PADDING = { x: 40, top: 40, bottom: 30 };

const is = (element, type) => element.$instanceOf(type);
const isEventSubProcess = element => is(element, 'bpmn:SubProcess') && element.triggeredByEvent;

async function parse(xml) {
  const { rootElement, warnings } = await moddle.fromXML(xml);
  if (warnings.length) throw new Error('bpmn-moddle: ' + warnings.map(w => w.message).join('; '));
  return rootElement;
}

const serialize = async definitions => (await moddle.toXML(definitions, { format: true })).xml;

/** Every scope (process, subprocess) below and including `scope`, outermost first. */
function scopes(scope, withEventSubProcesses = true) {
  const subs = (scope.flowElements || []).filter(e => is(e, 'bpmn:SubProcess') && (withEventSubProcesses || !e.triggeredByEvent));
  return [ scope, ...subs.flatMap(sub => scopes(sub, withEventSubProcesses)) ];
}

/** bpmn:incoming/outgoing, which the layouter walks, derived from the sequence flows. */
function linkFlows(scope) {
  const elements = scope.flowElements || [];
  const flows = elements.filter(e => is(e, 'bpmn:SequenceFlow'));
  for (const node of elements.filter(e => is(e, 'bpmn:FlowNode'))) {
    node.incoming = flows.filter(f => f.targetRef === node);
    node.outgoing = flows.filter(f => f.sourceRef === node);
  }
}

/** The layouter draws a subprocess expanded only when the input diagram says so: a stub diagram says so. */
function stubDiagram(process) {
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'StubPlane', bpmnElement: process, planeElement: [] });
  for (const sub of scopes(process).slice(1)) {
    plane.planeElement.push(moddle.create('bpmndi:BPMNShape', {
      id: 'Stub_' + sub.id, bpmnElement: sub, isExpanded: true,
      bounds: moddle.create('dc:Bounds', { x: 0, y: 0, width: 100, height: 80 }),
    }));
  }
  return moddle.create('bpmndi:BPMNDiagram', { id: 'StubDiagram', plane });
}

/** Lays out `process` (its event subprocesses excluded) and returns the plane elements of the result. */
async function layoutScope(definitions, process) {
  for (const scope of scopes(process)) linkFlows(scope);
  definitions.diagrams = [ stubDiagram(process) ];
  const laidOut = await parse(await layoutProcess(await serialize(definitions)));
  return laidOut.diagrams[0].plane.planeElement;
}

const shapeOf = (plane, id) => plane.find(e => is(e, 'bpmndi:BPMNShape') && e.bpmnElement.id === id);
const edgeOf = (plane, id) => plane.find(e => is(e, 'bpmndi:BPMNEdge') && e.bpmnElement.id === id);
const point = (x, y) => moddle.create('dc:Point', { x, y });
const bounds = (x, y, width, height) => moddle.create('dc:Bounds', { x, y, width, height });

function extent(plane) {
  const xs = [], ys = [];
  for (const e of plane) {
    if (e.bounds) { xs.push(e.bounds.x, e.bounds.x + e.bounds.width); ys.push(e.bounds.y, e.bounds.y + e.bounds.height); }
    for (const p of e.waypoint || []) { xs.push(p.x); ys.push(p.y); }
  }
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Re-binds the plane elements of a separately laid-out copy to the elements of `definitions`, by id. */
function rebind(planeElements, byId, dx, dy) {
  return planeElements.map(e => {
    if (e.bounds) {
      return moddle.create('bpmndi:BPMNShape', {
        id: e.bpmnElement.id + '_di', bpmnElement: byId.get(e.bpmnElement.id),
        bounds: bounds(e.bounds.x + dx, e.bounds.y + dy, e.bounds.width, e.bounds.height),
        ...(e.isExpanded ? { isExpanded: true } : {}),
      });
    }
    return moddle.create('bpmndi:BPMNEdge', {
      id: e.bpmnElement.id + '_di', bpmnElement: byId.get(e.bpmnElement.id),
      waypoint: e.waypoint.map(p => point(p.x + dx, p.y + dy)),
    });
  });
}

/** Draws each event subprocess, laid out on its own, in a row below the rest of the diagram. */
async function drawEventSubProcesses(eventSubs, plane, byId, original) {
  let x = extent(plane).minX;
  const y = extent(plane).maxY + EVENT_SUBPROCESS_GAP;
  for (const sub of eventSubs) {
    // A throw-away process with the event subprocess's content, beside the file's messages, errors…
    const copy = await parse(original);
    const copySub = byIdOf(copy).get(sub.id);
    const process = moddle.create('bpmn:Process', { id: 'Layout_' + sub.id, flowElements: copySub.flowElements });
    copy.rootElements = [ ...copy.rootElements.filter(e => !is(e, 'bpmn:Process')), process ];
    const inner = await layoutScope(copy, process);
    const box = extent(inner);
    const width = box.maxX - box.minX + 2 * EVENT_SUBPROCESS_PADDING.x;
    const height = box.maxY - box.minY + EVENT_SUBPROCESS_PADDING.top + EVENT_SUBPROCESS_PADDING.bottom;
    plane.push(moddle.create('bpmndi:BPMNShape', {
      id: sub.id + '_di', bpmnElement: sub, isExpanded: true, bounds: bounds(x, y, width, height),
    }));
    plane.push(...rebind(inner, byId, x + EVENT_SUBPROCESS_PADDING.x - box.minX, y + EVENT_SUBPROCESS_PADDING.top - box.minY));
    x += width + EVENT_SUBPROCESS_GAP;
  }
}

/** The process, subprocesses, flow nodes and sequence flows of `definitions`, by id. */
function byIdOf(definitions) {
  const map = new Map();
  for (const process of definitions.rootElements.filter(e => is(e, 'bpmn:Process'))) {
    for (const scope of scopes(process)) {
      map.set(scope.id, scope);
      for (const element of scope.flowElements || []) map.set(element.id, element);
    }
  }
  return map;
}

/** Several boundary events on one activity: spread along the lower border, outgoing flows straight down, labels beside. */
function spreadBoundaryEvents(plane, boundaries) {
  const byHost = new Map();
  for (const b of boundaries) byHost.set(b.attachedToRef, [ ...(byHost.get(b.attachedToRef) || []), b ]);
  for (const [ host, attached ] of byHost) {
    if (attached.length < 2) continue;
    const hostBounds = shapeOf(plane, host.id).bounds;
    attached.forEach((boundary, i) => {
      const shape = shapeOf(plane, boundary.id);
      const narrow = attached.length === 2 && hostBounds.width < 200;
      const cx = narrow
        ? hostBounds.x + (i === 0 ? 20 : hostBounds.width - 20)
        : hostBounds.x + (i + 1) * hostBounds.width / (attached.length + 1);
      shape.bounds = bounds(cx - shape.bounds.width / 2, shape.bounds.y, shape.bounds.width, shape.bounds.height);
      const bottom = shape.bounds.y + shape.bounds.height;
      shape.label = moddle.create('bpmndi:BPMNLabel', {
        bounds: bounds(narrow && i === 0 ? cx - 96 : cx + 6, bottom + 2, 90, 40),
      });
      for (const flow of boundary.outgoing || []) {
        const edge = edgeOf(plane, flow.id);
        const target = shapeOf(plane, flow.targetRef.id).bounds;
        const ty = target.y + target.height / 2;
        edge.waypoint = [ point(cx, bottom), point(cx, ty), point(target.x, ty) ];
      }
    });
  }
}

/** Loop-back edges routed above their subprocess: keep them inside, under its label. */
function keepEdgesInside(plane, subProcesses) {
  for (const sub of subProcesses) {
    const box = shapeOf(plane, sub.id).bounds;
    for (const flow of sub.flowElements.filter(e => is(e, 'bpmn:SequenceFlow'))) {
      for (const p of edgeOf(plane, flow.id).waypoint) {
        if (p.y < box.y + 35) p.y = box.y + 35;
      }
    }
  }
}

/** The layouter docks some loop-back edges on the far side of a shape, so that they cross it: dock them on the near side. */
function dockOnNearSide(plane, flows) {
  const dock = (end, next, box) => {
    const bottom = box.y + box.height;
    if (end.x !== next.x) return;
    if (Math.abs(end.y - bottom) < 1 && next.y < box.y) end.y = box.y;
    else if (Math.abs(end.y - box.y) < 1 && next.y > bottom) end.y = bottom;
  };
  for (const flow of flows) {
    const points = edgeOf(plane, flow.id).waypoint;
    dock(points[0], points[1], shapeOf(plane, flow.sourceRef.id).bounds);
    dock(points[points.length - 1], points[points.length - 2], shapeOf(plane, flow.targetRef.id).bounds);
  }
}

/** An end event the grid pushed far to the right of its only predecessor on the same row comes back next to it. */
function pullEndEventsBack(plane, endEvents) {
  for (const end of endEvents) {
    if (end.incoming?.length !== 1) continue;
    const edge = edgeOf(plane, end.incoming[0].id);
    const shape = shapeOf(plane, end.id).bounds;
    const source = shapeOf(plane, end.incoming[0].sourceRef.id).bounds;
    const cy = shape.y + shape.height / 2;
    const sameRow = Math.abs(source.y + source.height / 2 - cy) < 1 && edge.waypoint.length === 2;
    const x = source.x + source.width + 50;
    if (!sameRow || shape.x <= x + 1) continue;
    shape.x = x;
    edge.waypoint = [ point(source.x + source.width, cy), point(x, cy) ];
  }
}

function checkComplete(plane, process) {
  const problems = [];
  for (const scope of scopes(process)) {
    for (const element of scope.flowElements || []) {
      const missing = is(element, 'bpmn:SequenceFlow') ? !edgeOf(plane, element.id) : !shapeOf(plane, element.id);
      if (missing) problems.push(`${element.$type} ${element.id} is not drawn`);
    }
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

async function layoutFile(file) {
  const original = await readFile(file, 'utf8');
  const definitions = await parse(original);
  const process = definitions.rootElements.find(e => is(e, 'bpmn:Process'));
  const all = scopes(process);

  // Event subprocesses are laid out apart: the grid would put them in the main flow's first columns.
  const eventSubs = all.flatMap(s => (s.flowElements || []).filter(isEventSubProcess).map(sub => ({ sub, parent: s })));
  for (const { sub, parent } of eventSubs) parent.flowElements.splice(parent.flowElements.indexOf(sub), 1);
  const laidOut = await layoutScope(definitions, process);
  const byId = byIdOf(definitions);
  for (const { sub, parent } of eventSubs) parent.flowElements.push(sub);
  for (const scope of scopes(process)) linkFlows(scope);

  const plane = rebind(laidOut, byId, 0, 0);
  const flowNodes = scopes(process, false).flatMap(s => s.flowElements || []);
  spreadBoundaryEvents(plane, flowNodes.filter(e => is(e, 'bpmn:BoundaryEvent')));
  keepEdgesInside(plane, flowNodes.filter(e => is(e, 'bpmn:SubProcess') && !e.triggeredByEvent));
  pullEndEventsBack(plane, flowNodes.filter(e => is(e, 'bpmn:EndEvent')));
  dockOnNearSide(plane, flowNodes.filter(e => is(e, 'bpmn:SequenceFlow')));
  await drawEventSubProcesses(eventSubs.map(e => e.sub), plane, byIdOf(definitions), original);
  checkComplete(plane, process);

  definitions.diagrams = [ moddle.create('bpmndi:BPMNDiagram', {
    id: 'BPMNDiagram_' + process.id,
    plane: moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_' + process.id, bpmnElement: process, planeElement: plane }),
  }) ];
  const xml = await serialize(definitions);
  const difference = semanticDifference(original, xml);
  if (difference) throw new Error(`${file}: the semantic content would change, not written:\n${difference}`);
  await writeFile(file, xml + '\n');
  console.log(`${file}: laid out (${plane.length} diagram elements)`);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node layout.mjs <file.bpmn>...');
  process.exit(2);
}
for (const file of files) await layoutFile(file);
