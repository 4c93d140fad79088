// The tableau de bord's charts (Chart.js), drawn from GET /api/reports/dashboard with the page's own query string. Every chart
// has its table on the page (server-rendered, the accessible equivalent); a click on a bar or point opens the register link of
// the matching table cell (data-chart, data-series, data-index).
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

const palette = ['#1f4e79', '#c55a11', '#548235', '#7030a0', '#bf9000', '#2e75b6', '#a5002f', '#3b3838', '#00838f', '#6d4c41'];
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric' });

function linkOf(chart, series, index) {
  const cell = document.querySelector(`table[data-chart="${chart}"] td[data-series="${CSS.escape(series)}"][data-index="${index}"] a`);
  return cell ? cell.getAttribute('href') : null;
}

function draw(name, type, labels, datasets, options = {}) {
  const canvas = document.getElementById(`chart-${name}`);
  if (!canvas) return;
  new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: datasets.map((d, i) => ({ backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length], ...d })),
    },
    options: {
      responsive: true,
      animation: false,
      aspectRatio: 2.5,
      onClick: (_event, elements, chart) => {
        if (elements.length === 0) return;
        const { datasetIndex, index } = elements[0];
        const href = linkOf(name, chart.data.datasets[datasetIndex].seriesKey, index);
        if (href) window.location.assign(href);
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
      ...options,
    },
  });
}

const stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
const counts = { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
const horizontal = { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } };

function single(name, items, options = counts, type = 'bar') {
  draw(name, type, items.map((c) => c.label), [{ label: 'Nombre', data: items.map((c) => c.value), seriesKey: 'value',
    backgroundColor: items.map((_, i) => palette[i % palette.length]) }], options);
}

async function main() {
  const summary = document.getElementById('dashboard-summary');
  if (!summary) return;
  const response = await fetch(summary.dataset.api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return;
  const d = await response.json();
  const months = d.months.map((m) => monthFormat.format(new Date(`${m}T12:00:00`)));
  const monthly = (series) => series.map((s) => ({ label: s.label, data: s.values, seriesKey: s.key }));
  draw('received-category', 'bar', months, monthly(d.receivedByCategory), stacked);
  draw('received-channel', 'bar', months, monthly(d.receivedByChannel), stacked);
  single('open-status', d.openByStatus);
  single('open-age', d.openByAge);
  draw('deadlines', 'bar', months, d.deadlines.flatMap((s) => [
    { label: `${s.label} — respecté`, data: s.met, seriesKey: `${s.key}:met`, stack: s.key },
    { label: `${s.label} — dépassé`, data: s.missed, seriesKey: `${s.key}:missed`, stack: s.key },
  ]), { scales: { y: { beginAtZero: true, stacked: true, ticks: { precision: 0 } }, x: { stacked: true } } });
  draw('handling', 'line', months, [
    { label: 'Médiane (jours)', data: d.handlingByMonth.map((h) => h.median), seriesKey: 'median', spanGaps: true },
    { label: '90e centile (jours)', data: d.handlingByMonth.map((h) => h.p90), seriesKey: 'p90', spanGaps: true },
  ], { scales: { y: { beginAtZero: true } } });
  single('outcomes', d.outcomes, { plugins: { legend: { position: 'right' } } }, 'doughnut');
  single('products', d.byProduct, horizontal);
  single('insurers', d.byInsurer, horizontal);
  single('persons', d.byPerson, horizontal);
  single('actions', d.correctiveActions);
  draw('referrals', 'bar', d.referrals.map((r) => r.label), [
    { label: 'Portées devant', data: d.referrals.map((r) => r.referred), seriesKey: 'referred' },
    { label: 'Reçues par son intermédiaire', data: d.referrals.map((r) => r.receivedThrough), seriesKey: 'through' },
  ], { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
  document.body.dataset.dashboardReady = 'true';
}

main();
