// The studio's designer (/studio/processus/{key}): bpmn-js Modeler with the Camunda 7 properties panel, bpmnlint with
// rules that mirror the engine's refusals, French labels; import / export of .bpmn files, drafts on the server, the
// engine's own validation (errors marked on the elements) and deployment with a comment (POST /api/engine/deployments).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import FrenchModule from '../studio/french.js';
import { engineLintConfig } from '../studio/lint-rules.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import '../studio/designer.css';

const ERROR_MARKER = 'validation-error';

function emptyDiagram(key, name) {
  const escape = (text) => String(text).replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_${escape(key)}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${escape(key)}" name="${escape(name)}" isExecutable="true" camunda:historyTimeToLive="P1827D">
    <bpmn:startEvent id="StartEvent_1" name="Début" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${escape(key)}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

class Designer {
  constructor(root) {
    this.root = root;
    this.key = root.dataset.key;
    this.basedOnVersion = root.dataset.version ? Number(root.dataset.version) : null;
    this.draftId = root.dataset.draftId || null;
    this.status = document.getElementById('designer-status');
    this.problems = document.getElementById('designer-problems');
    const known = JSON.parse(root.dataset.knownHandlers || '{}');
    this.modeler = new BpmnModeler({
      container: root.querySelector('.designer-canvas'),
      propertiesPanel: { parent: root.querySelector('.designer-panel') },
      linting: { bpmnlint: engineLintConfig(known), active: true },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaBehaviorsModule,
        lintModule,
        FrenchModule,
      ],
      moddleExtensions: { camunda: camundaModdle },
    });
    this.marked = [];
  }

  async start() {
    let xml;
    if (this.root.dataset.xmlUrl) {
      const response = await fetch(this.root.dataset.xmlUrl, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`Le diagramme ne peut pas être chargé (${response.status}).`);
      xml = await response.text();
    } else {
      xml = emptyDiagram(this.key, this.root.dataset.name || this.key);
    }
    await this.open(xml);
    this.bind();
    this.root.setAttribute('data-ready', 'true');
  }

  async open(xml) {
    const { warnings } = await this.modeler.importXML(xml);
    this.modeler.get('canvas').zoom('fit-viewport');
    this.clearMarks();
    if (warnings.length) this.say(`Fichier ouvert avec ${warnings.length} avertissement(s) de lecture (éléments inconnus conservés).`);
  }

  bind() {
    const on = (action, handler) => {
      for (const button of document.querySelectorAll(`[data-designer-action="${action}"]`)) {
        button.addEventListener('click', () => this.run(button, handler));
      }
    };
    const file = document.getElementById('designer-import-file');
    on('import', async () => file.click());
    file.addEventListener('change', () => this.run(null, async () => {
      const chosen = file.files && file.files[0];
      if (!chosen) return;
      await this.open(await chosen.text());
      this.draftId = null;
      this.say(`« ${chosen.name} » est ouvert. Enregistrez-le comme brouillon ou validez-le.`);
      file.value = '';
    }));
    on('export', () => this.exportFile());
    on('save', () => this.saveDraft());
    on('validate', () => this.validate());
    document.getElementById('designer-deploy').addEventListener('submit', (event) => {
      event.preventDefault();
      this.run(event.submitter, () => this.deploy());
    });
  }

  async run(button, handler) {
    if (button) button.disabled = true;
    try {
      await handler();
    } catch (error) {
      this.say(error.message || String(error), true);
      console.error(error);
    } finally {
      if (button) button.disabled = false;
    }
  }

  say(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
    this.status.classList.toggle('info', !isError);
  }

  async xml() {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml;
  }

  processKey() {
    const process = this.modeler.getDefinitions().rootElements.find((e) => e.$type === 'bpmn:Process' && e.isExecutable)
      || this.modeler.getDefinitions().rootElements.find((e) => e.$type === 'bpmn:Process');
    return process ? process.id : this.key;
  }

  async exportFile() {
    const blob = new Blob([await this.xml()], { type: 'application/xml' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${this.processKey()}.bpmn`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    this.say(`Fichier ${this.processKey()}.bpmn exporté.`);
  }

  async post(url, method, body) {
    return fetch(url, {
      method, body, credentials: 'same-origin', headers: { 'Content-Type': 'application/xml', Accept: 'application/json' },
    });
  }

  async saveDraft() {
    const query = new URLSearchParams({ processKey: this.processKey() });
    if (this.basedOnVersion) query.set('basedOnVersion', String(this.basedOnVersion));
    const url = this.draftId ? `/api/studio/drafts/${this.draftId}?${query}` : `/api/studio/drafts?${query}`;
    const response = await this.post(url, this.draftId ? 'PUT' : 'POST', await this.xml());
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(`Brouillon non enregistré : ${body.detail || response.status}`);
    this.draftId = body.id;
    const address = new URL(window.location.href);
    address.search = new URLSearchParams({ draft: body.id }).toString();
    window.history.replaceState(null, '', address);
    this.say(`Brouillon enregistré (${new Date(body.updatedAt).toLocaleString('fr-FR')}).`);
  }

  async validate() {
    const response = await this.post('/api/studio/validate', 'POST', await this.xml());
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      this.showErrors([]);
      this.say('Le diagramme est valide : le moteur le déploierait tel quel.');
      return true;
    }
    this.refused(response, body, 'Le moteur refuse ce diagramme');
    return false;
  }

  async deploy() {
    const comment = document.getElementById('designer-comment').value.trim();
    if (!comment) {
      document.getElementById('designer-comment').focus();
      throw new Error('Le commentaire du déploiement est obligatoire : dites ce qui change et pourquoi.');
    }
    const response = await this.post(`/api/engine/deployments?comment=${encodeURIComponent(comment)}`, 'POST', await this.xml());
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      this.refused(response, body, 'Déploiement refusé');
      return;
    }
    this.showErrors([]);
    const deployed = (body.processDefinitions || []).find((d) => d.key === this.processKey()) || (body.processDefinitions || [])[0];
    if (!deployed) throw new Error('Réponse inattendue du serveur.');
    const unchanged = this.basedOnVersion === deployed.version;
    this.basedOnVersion = deployed.version;
    this.root.dataset.version = String(deployed.version);
    document.getElementById('designer-comment').value = '';
    this.say(unchanged
      ? `Aucun changement : la version ${deployed.version} reste la dernière.`
      : `Version ${deployed.version} de ${deployed.key} déployée. Les nouvelles réclamations suivent cette version ; celles en cours gardent la leur.`);
  }

  refused(response, body, title) {
    if (response.status === 413) throw new Error(`${title} : ${body.detail || 'document trop volumineux.'}`);
    const errors = Array.isArray(body.errors) ? body.errors : [];
    this.showErrors(errors);
    this.say(errors.length ? `${title} : ${errors.length} erreur(s), listée(s) ci-dessous et marquée(s) sur le diagramme.`
      : `${title} : ${body.detail || response.status}`, true);
  }

  clearMarks() {
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');
    for (const id of this.marked) {
      canvas.removeMarker(id, ERROR_MARKER);
    }
    overlays.remove({ type: ERROR_MARKER });
    this.marked = [];
  }

  /** Each engine error listed with its element id, and marked on that element (marker + an overlay with the message). */
  showErrors(errors) {
    this.clearMarks();
    this.problems.replaceChildren();
    const registry = this.modeler.get('elementRegistry');
    const canvas = this.modeler.get('canvas');
    const overlays = this.modeler.get('overlays');
    for (const error of errors) {
      const item = document.createElement('li');
      const element = error.elementId ? registry.get(error.elementId) : null;
      if (element) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        button.textContent = error.elementId;
        button.addEventListener('click', () => {
          this.modeler.get('selection').select(element);
          canvas.scrollToElement(element);
        });
        item.append(button, ` : ${error.message}`);
        if (!this.marked.includes(element.id)) {
          canvas.addMarker(element.id, ERROR_MARKER);
          this.marked.push(element.id);
          if (element.type !== 'bpmn:Process' && element.type !== 'bpmn:Collaboration') {
            const badge = document.createElement('div');
            badge.className = 'validation-badge';
            badge.textContent = '!';
            badge.title = error.message;
            overlays.add(element.id, ERROR_MARKER, { position: { top: -10, right: 10 }, html: badge });
          }
        }
      } else {
        item.textContent = error.elementId ? `${error.elementId} : ${error.message}` : error.message;
      }
      this.problems.append(item);
    }
    this.problems.closest('section').hidden = errors.length === 0;
  }
}

const root = document.querySelector('[data-studio-designer]');
if (root) {
  const designer = new Designer(root);
  designer.start().catch((error) => {
    designer.say(error.message || 'Le concepteur ne peut pas démarrer.', true);
    console.error(error);
  });
}
