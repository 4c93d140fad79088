// Studio, simulation: the sandbox's diagram(s) in the case file's read-only bpmn-js viewer (active, completed and, in a
// side-by-side run, differing elements marked); the rest of the page is server-rendered (forms posted, htmx not needed).
import '../diagram.js';
import './studio-simulation.css';
