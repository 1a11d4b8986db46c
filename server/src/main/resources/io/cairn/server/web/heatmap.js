// The Curriculum screen's pictures: a skills x credentials heatmap that is a real table (screen readers read it as
// one), and the value-index histogram with one credential's place marked.

import { h, jobOffers, put, s, screenUrl } from './dom.js';

/** Most credential columns drawn; the rest are counted below the table. */
const COLUMNS = 20;

/** The shade of a taught cell: 1 (few job offers behind the skill) to 4 (the most), 0 when demand is unknown. */
function level(offers, most) {
  if (offers === null || offers === undefined || most <= 0) return 0;
  if (offers <= 0) return 1;
  return 1 + Math.min(3, Math.ceil((3 * Math.log1p(offers)) / Math.log1p(most)));
}

/**
 * The coverage report's skills (rows) against the credentials that teach them (columns, those teaching the most
 * first); a filled cell says the credential teaches the skill, darker when more job offers are behind the skill.
 */
export function heatmap(report) {
  const columns = new Map();
  for (const k of report.skills) {
    for (const c of k.taughtBy) {
      const col = columns.get(c.id) ?? { ref: c, skills: new Set() };
      col.skills.add(k.competency.id);
      columns.set(c.id, col);
    }
  }
  const ranked = [...columns.values()].sort((a, b) => b.skills.size - a.skills.size || a.ref.label.localeCompare(b.ref.label));
  const shown = ranked.slice(0, COLUMNS);
  const most = Math.max(0, ...report.skills.map((k) => k.jobOffers ?? 0));
  const partial = report.skills.some((k) => k.credentialCount > k.taughtBy.length);
  return h('section', { id: 'heatmap', 'aria-labelledby': 'heatmap-title' },
    h('h2', { id: 'heatmap-title' }, 'Skills by credential'),
    shown.length === 0 ? h('p', {}, 'No credential teaches any of these skills.') : [
      h('p', { class: 'muted small' }, 'A filled cell: the credential teaches the skill. ',
        most > 0 ? 'Darker: more job offers behind the skill (the figure beside its name). ' : '',
        `Columns: the ${shown.length} credentials teaching the most of these skills`,
        ranked.length > shown.length ? `, of ${ranked.length}` : '', '.',
        partial ? ' Skills taught by more than 10 credentials show the first 10 of them.' : ''),
      h('div', { class: 'table-scroll' }, h('table', { class: 'heatmap' },
        h('caption', { class: 'visually-hidden' }, `Which of ${report.label}'s skills each credential teaches`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'corner' }, 'Skill'),
          shown.map((col) => h('th', { scope: 'col', class: 'credential-head', 'data-credential': col.ref.id },
            h('a', { href: screenUrl('credential', { id: col.ref.id }) }, col.ref.label))))),
        h('tbody', {}, report.skills.map((k) => h('tr', { 'data-competency': k.competency.id },
          h('th', { scope: 'row' }, k.competency.label, k.jobOffers !== null && k.jobOffers !== undefined
            ? h('span', { class: 'muted small' }, ` ${jobOffers(k.jobOffers)}`) : null),
          shown.map((col) => {
            const taught = col.skills.has(k.competency.id);
            return h('td', { class: taught ? `cell taught level-${level(k.jobOffers, most)}` : 'cell',
              'data-credential': col.ref.id, title: `${col.ref.label} ${taught ? 'teaches' : 'does not teach'} ${k.competency.label}` },
            h('span', { class: 'visually-hidden' }, taught ? 'taught' : 'not taught'));
          })))))),
    ]);
}

function number(v) {
  if (v === null || v === undefined) return 'not known';
  return v >= 100 ? String(Math.round(v)) : Number(v.toPrecision(2)).toString();
}

/**
 * The histogram of the value index per hour across the scope's credentials, the quartiles dashed, and the
 * credential {@code at} ({ label, perHour, percentile }) marked; returns { element, mark(at) } so a row can move it.
 */
export function histogram(distribution, at) {
  const bins = distribution.histogram;
  const width = 640;
  const height = 190;
  const left = 40;
  const bottom = 36;
  const top = 34;
  const most = Math.max(1, ...bins.map((b) => b.count));
  const lo = bins.length ? bins[0].from : 0;
  const hi = bins.length ? bins[bins.length - 1].to : 1;
  const x = (v) => left + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1)) * (width - left - 10);
  const y = (n) => height - bottom - (n / most) * (height - bottom - top);
  const marker = s('g', { class: 'marker' });
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'histogram', role: 'img',
    'aria-labelledby': 'histogram-title histogram-desc' },
  s('title', { id: 'histogram-title' }, 'Value index per hour across the credentials'),
  s('desc', { id: 'histogram-desc' }),
  bins.map((b) => s('rect', { class: 'bin', x: x(b.from) + 1, y: y(b.count), width: Math.max(1, x(b.to) - x(b.from) - 2),
    height: height - bottom - y(b.count) }, s('title', {}, `${number(b.from)} to ${number(b.to)}: ${b.count} credentials`))),
  s('line', { class: 'axis', x1: left, y1: height - bottom, x2: width - 10, y2: height - bottom }),
  // the median's label sits above the quartiles' so that close lines keep readable labels
  [['p25', 'p25', 22], ['p50', 'median', 10], ['p75', 'p75', 22]].map(([key, name, labelY]) => {
    const v = distribution.perHour[key];
    return s('g', { class: 'quantile' }, s('line', { x1: x(v), x2: x(v), y1: labelY + 3, y2: height - bottom }),
      s('text', { x: x(v), y: labelY, 'text-anchor': key === 'p25' ? 'end' : key === 'p75' ? 'start' : 'middle' }, name));
  }),
  s('text', { x: left, y: height - 12, 'text-anchor': 'start' }, number(lo)),
  s('text', { x: width - 10, y: height - 12, 'text-anchor': 'end' }, number(hi)),
  s('text', { x: (left + width) / 2, y: height - 12, 'text-anchor': 'middle' }, 'demand-weighted new skills per hour'),
  marker);
  const caption = h('p', { class: 'small', id: 'histogram-caption', 'aria-live': 'polite' });
  const mark = (c) => {
    marker.replaceChildren();
    const desc = svg.querySelector('desc');
    const spread = `Median ${number(distribution.perHour.p50)}, middle half from ${number(distribution.perHour.p25)} `
      + `to ${number(distribution.perHour.p75)}, over ${distribution.perHour.count} credentials.`;
    if (!c || c.perHour === null || c.perHour === undefined) {
      desc.textContent = spread;
      caption.textContent = spread;
      return;
    }
    put(marker, s('line', { x1: x(c.perHour), x2: x(c.perHour), y1: top - 4, y2: height - bottom + 4 }),
      s('circle', { cx: x(c.perHour), cy: height - bottom, r: 5 }));
    const where = `${c.label}: ${number(c.perHour)} per hour, higher than about ${Math.round(c.percentile ?? 0)}% of the credentials.`;
    desc.textContent = `${spread} ${where}`;
    caption.textContent = `Marked: ${where} ${spread}`;
    caption.dataset.credential = c.id;
  };
  mark(at);
  return { element: h('figure', { class: 'value-chart' }, svg, h('figcaption', {}, caption)), mark };
}
