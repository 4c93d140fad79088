// Usage: node render.mjs <file.bpmn> <out.png> [width] [height]
// Writes a page embedding bpmn-js's viewer and the diagram, then lets Debian's headless chromium screenshot it.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [, , input, output, width = '2200', height = '1200'] = process.argv;
if (!input || !output) {
  console.error('usage: node render.mjs <file.bpmn> <out.png> [width] [height]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const viewer = readFileSync(join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const css = readFileSync(join(here, 'node_modules/bpmn-js/dist/assets/bpmn-js.css'), 'utf8');
const xml = readFileSync(resolve(input), 'utf8');
const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
html,body,#canvas{margin:0;width:100%;height:100%;background:#fff}</style></head>
<body><div id="canvas"></div><script>${viewer}</script><script>
const viewer = new BpmnJS({ container: '#canvas' });
viewer.importXML(${JSON.stringify(xml)}).then(() => {
  viewer.get('canvas').zoom('fit-viewport', 'auto');
  document.title = 'rendered';
}).catch(e => { document.body.innerText = 'ERROR ' + e.message; });
</script></body></html>`;
const folder = mkdtempSync(join(tmpdir(), 'bpmn-render-'));
const html = join(folder, 'page.html');
writeFileSync(html, page);
execFileSync('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--user-data-dir=${join(folder, 'profile')}`, '--hide-scrollbars', `--window-size=${width},${height}`,
  '--virtual-time-budget=5000', `--screenshot=${resolve(output)}`, `file://${html}`,
], { stdio: 'inherit' });
console.log(`wrote ${output}`);
