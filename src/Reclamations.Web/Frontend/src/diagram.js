// Case file: the instance's BPMN diagram in the bpmn-js viewer, active steps and the path taken highlighted.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './diagram.css';

async function show(container) {
  const viewer = new NavigatedViewer({ container });
  const response = await fetch(container.dataset.xmlUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`diagram: ${response.status}`);
  await viewer.importXML(await response.text());
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const mark = (ids, marker) => ids.split(' ').filter((id) => id && registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
  mark(container.dataset.done || '', 'done');
  mark(container.dataset.active || '', 'active');
  mark(container.dataset.differs || '', 'differs');
  canvas.zoom('fit-viewport');
  container.setAttribute('data-ready', 'true');
}

for (const container of document.querySelectorAll('[data-bpmn-diagram]')) {
  show(container).catch((error) => {
    container.textContent = 'Le schéma du processus ne peut pas être affiché.';
    console.error(error);
  });
}
