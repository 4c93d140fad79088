// The semantic content of a BPMN file as comparable lines: every element and attribute (namespace
// prefixes normalised, attributes sorted) and every non-blank text, except the diagram (bpmndi, dc, di),
// the bpmn:incoming/outgoing refs (derived from the sequence flows), namespace declarations and comments.
import { Parser } from 'saxen';

const PREFIXES = {
  'http://www.omg.org/spec/BPMN/20100524/MODEL': 'bpmn',
  'http://www.omg.org/spec/BPMN/20100524/DI': 'bpmndi',
  'http://www.omg.org/spec/DD/20100524/DC': 'dc',
  'http://www.omg.org/spec/DD/20100524/DI': 'di',
  'http://camunda.org/schema/1.0/bpmn': 'camunda',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi',
};
const SKIPPED = name => /^(bpmndi|dc|di):/.test(name) || name === 'bpmn:incoming' || name === 'bpmn:outgoing';

export function semanticLines(xml) {
  const lines = [];
  const stack = [];
  let skipDepth = 0;
  const parser = new Parser();
  parser.ns(PREFIXES);
  parser.on('error', error => { throw error; });
  parser.on('openTag', (name, getAttrs, decode, selfClosing) => {
    if (skipDepth || SKIPPED(name)) {
      if (!selfClosing) skipDepth++;
      return;
    }
    const attrs = Object.entries(getAttrs())
      .filter(([ key ]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
      .map(([ key, value ]) => `${key}=${JSON.stringify(decode(value))}`)
      .sort();
    lines.push(`${'  '.repeat(stack.length)}<${name} ${attrs.join(' ')}>`);
    if (!selfClosing) stack.push(name);
  });
  parser.on('closeTag', (name, decode, selfClosing) => {
    if (selfClosing) return;
    if (skipDepth) { skipDepth--; return; }
    stack.pop();
  });
  parser.on('text', (text, decode) => {
    const value = decode(text).trim();
    if (value && !skipDepth) lines.push(`${'  '.repeat(stack.length)}${JSON.stringify(value)}`);
  });
  parser.on('cdata', text => {
    if (!skipDepth) lines.push(`${'  '.repeat(stack.length)}${JSON.stringify(text.trim())}`);
  });
  parser.parse(xml);
  return lines;
}

/** Null when both files say the same thing; else the first lines that differ. */
export function semanticDifference(before, after) {
  const a = semanticLines(before);
  const b = semanticLines(after);
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return [ `line ${i + 1} of ${a.length} / ${b.length}:`, `- ${a[i]}`, `+ ${b[i]}` ].join('\n');
    }
  }
  return null;
}
