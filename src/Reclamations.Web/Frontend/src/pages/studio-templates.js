// Studio, letter template editor: CodeMirror 6 over the page's text area (HTML highlighting and a small Scriban one for
// {{ … }}), the live preview and the problems (line, column) from POST /api/studio/templates/{key}/preview, shown in the
// editor as lint marks. Without this script the text area and the save form work alone.
import { EditorState, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, ViewPlugin, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { html } from '@codemirror/lang-html';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import './studio-templates.css';

const form = document.getElementById('template-form');
const textarea = document.getElementById('template-body');
const host = document.getElementById('template-editor');

function start() {
  const api = form.dataset.api;
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), lintGutter(),
        // Tab is left to the browser, so that a keyboard user can leave the editor.
        keymap.of([...defaultKeymap, ...historyKeymap]),
        html(), syntaxHighlighting(defaultHighlightStyle), scriban,
        // CodeMirror's own style sheet, allowed by the page's Content-Security-Policy nonce.
        EditorView.cspNonce.of(form.dataset.nonce ?? ''),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-labelledby': 'template-body-label', 'aria-multiline': 'true', tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          schedule();
        }),
      ],
    }),
  });
  textarea.hidden = true;
  host.hidden = false;

  let timer = null;
  let sequence = 0;
  const schedule = () => { clearTimeout(timer); timer = setTimeout(refresh, 400); };

  const options = document.getElementById('preview-options');
  options?.addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  options?.addEventListener('change', () => schedule());

  async function refresh() {
    const mine = ++sequence;
    const status = document.getElementById('preview-status');
    status.textContent = 'Aperçu en cours…';
    const body = {
      body: view.state.doc.toString(),
      profile: value('preview-profile'),
      complaint: value('preview-complaint'),
      letter: value('preview-letter'),
    };
    let result;
    try {
      const response = await fetch(`${api}/preview`, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      result = await response.json();
      if (!response.ok) {
        if (mine === sequence) showFailure(result.detail ?? 'Aperçu impossible.');
        return;
      }
    } catch {
      if (mine === sequence) showFailure('Aperçu impossible : le serveur ne répond pas.');
      return;
    }
    if (mine !== sequence) return;
    status.textContent = `Courrier « ${result.letter} », profil ${result.profile}${body.complaint ? ` (copie anonymisée de ${body.complaint})` : ''}.`;
    showProblems(result.problems);
    document.getElementById('preview-subject').textContent = result.subject ?? '';
    // The letter's own HTML, rendered by the server from the template (every value escaped there); no script runs (CSP).
    if (result.html !== null) document.getElementById('template-preview').innerHTML = result.html;
    view.dispatch(setDiagnostics(view.state, diagnostics(view.state, result.problems)));
  }

  function showFailure(message) {
    document.getElementById('preview-status').textContent = message;
  }

  function showProblems(problems) {
    const box = document.getElementById('template-problems');
    box.replaceChildren();
    if (!problems.length) return;
    const title = document.createElement('p');
    title.className = 'alert error';
    title.textContent = 'Problèmes du modèle :';
    const list = document.createElement('ul');
    list.className = 'template-problems';
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = problem.message;
      list.append(item);
    }
    box.append(title, list);
  }
}

function value(id) {
  const element = document.getElementById(id);
  return element && element.value.trim() !== '' ? element.value.trim() : null;
}

/** The problems tied to a place, as CodeMirror diagnostics (1-based line and column to a document position). */
function diagnostics(state, problems) {
  return problems.filter((p) => p.line > 0 && p.line <= state.doc.lines).map((p) => {
    const line = state.doc.line(p.line);
    const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to);
    return { from, to: Math.min(from + 1, line.to), severity: 'error', message: p.message };
  });
}

// A small Scriban highlighting over the HTML one: {{ … }} blocks, their comments, keywords and strings.
const block = Decoration.mark({ class: 'cm-scriban' });
const comment = Decoration.mark({ class: 'cm-scriban-comment' });
const keyword = Decoration.mark({ class: 'cm-scriban-keyword' });
const string = Decoration.mark({ class: 'cm-scriban-string' });
const keywords = /\b(if|else|end|for|in|include|case|when|while|capture|func|ret|break|continue|with)\b|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/g;

function scribanDecorations(doc) {
  const text = doc.toString();
  const builder = new RangeSetBuilder();
  const marks = [];
  for (const match of text.matchAll(/\{\{[\s\S]*?\}\}/g)) {
    const start = match.index;
    const source = match[0];
    if (/^\{\{~?-?\s*#/.test(source)) { marks.push([start, start + source.length, comment]); continue; }
    marks.push([start, start + source.length, block]);
    for (const inner of source.matchAll(keywords)) {
      marks.push([start + inner.index, start + inner.index + inner[0].length, inner[1] ? keyword : string]);
    }
  }
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  for (const [from, to, mark] of marks) builder.add(from, to, mark);
  return builder.finish();
}

const scriban = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = scribanDecorations(view.state.doc); }
  update(update) { if (update.docChanged) this.decorations = scribanDecorations(update.state.doc); }
}, { decorations: (plugin) => plugin.decorations });

// Last, once every declaration above is initialised.
if (form && textarea && host) start();
