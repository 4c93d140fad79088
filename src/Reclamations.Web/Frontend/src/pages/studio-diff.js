// Studio: two versions of a process compared (bpmn-js-differ on their moddle definitions), shown on the newer version's
// diagram (markers) with an accessible table of every changed element (id, name, kind of change, properties old → new).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './studio-diff.css';

const KINDS = { added: 'ajouté', removed: 'supprimé', changed: 'modifié', layout: 'déplacé' };

async function fetchXml(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/xml' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

/** A property value as text: moddle objects by their type (and id or name), lists item by item. */
function show(value) {
  if (value === undefined || value === null || value === '') return '(vide)';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '(vide)';
  if (typeof value === 'object') {
    const type = value.$type ? value.$type.replace(/^bpmn:/, '') : 'objet';
    const label = value.id || value.name || value.body || value.value;
    return label ? `${type} « ${label} »` : type;
  }
  return String(value);
}

function rows(changes) {
  const list = [];
  const add = (kind, id, element, properties = []) => list.push({ kind, id, name: element?.name || '', type: (element?.$type || '').replace(/^bpmn:/, ''), properties });
  for (const [id, element] of Object.entries(changes._added)) add('added', id, element);
  for (const [id, element] of Object.entries(changes._removed)) add('removed', id, element);
  for (const [id, change] of Object.entries(changes._changed)) {
    // bpmn-js-differ 3 hands jsondiffpatch's [old, new] to ChangeHandler.changed(model, property, newValue, oldValue): its
    // attrs' "oldValue" holds the value of the newer document, "newValue" the older one's.
    add('changed', id, change.model, Object.entries(change.attrs).map(([name, attr]) => ({ name, oldValue: attr.newValue, newValue: attr.oldValue })));
  }
  for (const [id, element] of Object.entries(changes._layoutChanged)) {
    if (!changes._changed[id] && !changes._added[id]) add('layout', id, element);
  }
  return list.sort((a, b) => a.id.localeCompare(b.id));
}

function cell(row, text, tag = 'td') {
  const td = document.createElement(tag);
  td.textContent = text;
  if (tag === 'th') td.scope = 'row';
  row.append(td);
  return td;
}

function table(list, oldVersion, newVersion) {
  const t = document.createElement('table');
  t.className = 'data diff-changes';
  t.id = 'diff-changes';
  t.createCaption().textContent = `${list.length} élément(s) différent(s) entre la version ${oldVersion} et la version ${newVersion}`;
  const head = t.createTHead().insertRow();
  for (const title of ['Élément (id)', 'Nom', 'Type', 'Différence', 'Propriétés : ancienne valeur → nouvelle valeur']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    head.append(th);
  }
  const body = t.createTBody();
  for (const item of list) {
    const row = body.insertRow();
    row.dataset.elementId = item.id;
    row.dataset.kind = item.kind;
    cell(row, item.id, 'th');
    cell(row, item.name);
    cell(row, item.type);
    cell(row, KINDS[item.kind]).className = `diff-kind ${item.kind}`;
    const props = cell(row, '');
    if (item.properties.length) {
      const ul = document.createElement('ul');
      for (const p of item.properties) {
        const li = document.createElement('li');
        li.textContent = `${p.name} : ${show(p.oldValue)} → ${show(p.newValue)}`;
        ul.append(li);
      }
      props.append(ul);
    }
  }
  return t;
}

async function compare(container) {
  const status = document.getElementById('diff-status');
  const viewer = new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
  const [oldXml, newXml] = await Promise.all([fetchXml(container.dataset.oldUrl), fetchXml(container.dataset.newUrl)]);
  await viewer.importXML(newXml);
  const { rootElement: oldDefinitions } = await viewer.get('moddle').fromXML(oldXml);
  const changes = diff(oldDefinitions, viewer.getDefinitions());
  const list = rows(changes);

  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const item of list) {
    if (item.kind !== 'removed' && registry.get(item.id)) canvas.addMarker(item.id, `diff-${item.kind}`);
  }
  canvas.zoom('fit-viewport');

  const { oldVersion, newVersion } = container.dataset;
  const holder = document.getElementById('diff-table');
  holder.replaceChildren(list.length ? table(list, oldVersion, newVersion) : Object.assign(document.createElement('p'), {
    textContent: `Aucune différence entre la version ${oldVersion} et la version ${newVersion}.`,
  }));
  const count = (kind) => list.filter((i) => i.kind === kind).length;
  status.textContent = `${count('added')} ajouté(s), ${count('changed')} modifié(s), ${count('removed')} supprimé(s), ${count('layout')} déplacé(s).`;
  container.setAttribute('data-ready', 'true');
}

for (const container of document.querySelectorAll('[data-version-diff]')) {
  compare(container).catch((error) => {
    const status = document.getElementById('diff-status');
    if (status) status.textContent = 'La comparaison ne peut pas être affichée.';
    console.error(error);
  });
}
