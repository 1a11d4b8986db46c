// Credential screen: what it teaches, what it requires, what it stacks into and what stacks into it, with a small
// diagram of the stack drawn in SVG.

import * as api from './api.js';
import { h, hours, kindLabel, modeLabel, money, put, s, screenUrl } from './dom.js';
import { problem } from './problem.js';

const BOX_W = 210;
const BOX_H = 44;
const GAP = 18;
const WIDTH = 760;

export async function render(main, params) {
  const id = params.get('id');
  if (!id) {
    put(main, h('h1', {}, 'Credential'), problem(new api.ApiError('No credential chosen',
      'Open a credential from the catalog.', 400)));
    return;
  }
  let c;
  try {
    c = await api.get(api.entity('credentials', id));
  } catch (e) {
    put(main, h('h1', {}, 'Credential'), problem(e));
    return;
  }
  document.title = `${c.name} — Cairn`;
  const facts = [
    ['Type', typeText(c)],
    ['Issuer', c.issuer ? h('a', { href: screenUrl('catalog', { issuer: c.issuer.id }) }, c.issuer.label) : 'not given'],
    ['Mode', modeLabel(c.mode)],
    ['Workload', hours(c.hours)],
    ['Credit', c.creditBearing ? `${c.ects} ECTS` : 'not credit-bearing'],
    ['EQF level', c.eqfLevel ?? 'not given'],
    ['Cost', money(c.cost, c.currency)],
  ];
  put(main, 
    h('p', { class: 'crumbs' }, h('a', { href: screenUrl('catalog') }, 'Catalog'), ' › ', c.name),
    h('h1', {}, c.name),
    c.description ? h('p', { class: 'lead' }, c.description) : null,
    h('dl', { class: 'facts-grid' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('section', { 'aria-labelledby': 'stack-title' }, h('h2', { id: 'stack-title' }, 'How it stacks'), diagram(c)),
    h('div', { class: 'two-columns' },
      section('Teaches', c.teaches.length ? h('ul', { class: 'tags' }, c.teaches.map((t) => h('li', {},
        h('a', { href: screenUrl('catalog', { teaches: t.id }), title: `Credentials that teach ${t.label}` }, t.label))))
        : h('p', { class: 'muted' }, 'No ESCO skills listed.'),
        c.teaches.length ? h('p', { class: 'small' }, 'ESCO skills its learning outcomes align to; each links to the credentials that teach it.') : null),
      section('Requires',
        c.prerequisites.credentials.length || c.prerequisites.competencies.length
          ? h('ul', {}, c.prerequisites.credentials.map((r) => h('li', {}, link(r))),
            c.prerequisites.competencies.map((r) => h('li', {}, `${r.label} (skill)`)))
          : h('p', { class: 'muted' }, 'Nothing: it can be taken now.')),
      section('Stacks into', stackList(c.stacksInto, 'It does not count toward a larger credential.')),
      section('Built from', stackList(c.stackedFrom, 'No smaller credential stacks into it.')),
      section('Unlocks', c.unlocks.length ? h('ul', {}, c.unlocks.map((r) => h('li', {}, link(r))))
        : h('p', { class: 'muted' }, 'No credential lists it as a prerequisite.'))));
}

function section(title, ...content) {
  return h('section', { class: 'card' }, h('h2', {}, title), content);
}

function link(ref) {
  return h('a', { href: screenUrl('credential', { id: ref.id }) }, ref.label);
}

function stackList(refs, none) {
  if (!refs.length) return h('p', { class: 'muted' }, none);
  return h('ul', {}, refs.map((r) => h('li', {}, link(r.credential),
    r.transferCredits ? ` — ${r.transferCredits} ECTS transfer` : '', r.direct ? '' : ' (through another credential)')));
}

function shorten(text, max = 26) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Left: what stacks into it; middle: the credential; right: what it stacks into. Dashed: through another. */
function diagram(c) {
  const left = c.stackedFrom;
  const right = c.stacksInto;
  const rows = Math.max(1, left.length, right.length);
  const height = rows * (BOX_H + GAP) + GAP + 24;
  const middleY = (height + 24) / 2 - BOX_H / 2;
  const columnY = (count, i) => 24 + GAP + i * (BOX_H + GAP) + ((rows - count) * (BOX_H + GAP)) / 2;
  const leftX = 10;
  const midX = (WIDTH - BOX_W) / 2;
  const rightX = WIDTH - BOX_W - 10;
  const box = (x, y, ref, cls, caption) => {
    const g = s('g', { class: `node ${cls}` },
      s('title', {}, caption),
      s('rect', { x, y, width: BOX_W, height: BOX_H, rx: 6 }),
      s('text', { x: x + BOX_W / 2, y: y + BOX_H / 2 + 5, 'text-anchor': 'middle' }, shorten(ref.label)));
    return ref.id && cls !== 'self' ? s('a', { href: screenUrl('credential', { id: ref.id }), 'aria-label': caption }, g) : g;
  };
  // the credits a link carries are written beside the outer box, where rows never crowd
  const edge = (x1, y1, x2, y2, link, labelX, labelY, anchor) => s('g', {},
    s('line', { x1, y1, x2, y2, class: link.direct ? 'edge' : 'edge indirect', 'marker-end': 'url(#arrow)' }),
    link.transferCredits ? s('text', { x: labelX, y: labelY, class: 'edge-label', 'text-anchor': anchor },
      `${link.transferCredits} ECTS`) : null);
  const parts = [];
  left.forEach((l, i) => {
    const y = columnY(left.length, i);
    parts.push(edge(leftX + BOX_W, y + BOX_H / 2, midX - 4, middleY + BOX_H / 2, l, leftX + BOX_W - 4, y - 3, 'end'),
      box(leftX, y, { id: l.credential.id, label: l.credential.label }, 'part',
        `${l.credential.label} stacks into ${c.name}`));
  });
  right.forEach((r, i) => {
    const y = columnY(right.length, i);
    parts.push(edge(midX + BOX_W, middleY + BOX_H / 2, rightX - 4, y + BOX_H / 2, r, rightX + 4, y - 3, 'start'),
      box(rightX, y, { id: r.credential.id, label: r.credential.label }, 'whole',
        `${c.name} stacks into ${r.credential.label}`));
  });
  const summary = `${c.name}: ${left.length} credential${left.length === 1 ? '' : 's'} stack into it; `
    + `it stacks into ${right.length}.`;
  return h('figure', { class: 'stack' },
    s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'group', 'aria-label': summary, class: 'stack-diagram' },
      s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
        orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))),
      s('text', { x: leftX, y: 16, class: 'column-title' }, 'Stacks into it'),
      s('text', { x: rightX, y: 16, class: 'column-title' }, 'It stacks into'),
      parts,
      box(midX, middleY, { id: c.id, label: c.name }, 'self', c.name)),
    h('figcaption', { class: 'small' }, summary, ' Dashed lines: through another credential.'));
}

/** The kind, and the Open Badges achievement type only when it says something the kind does not. */
function typeText(c) {
  const kind = kindLabel(c.type);
  const letters = (t) => String(t).toLowerCase().replace(/[^a-z]/g, '');
  if (!c.achievementType || letters(c.achievementType) === letters(kind)) return kind;
  return `${kind} (Open Badges achievement type ${c.achievementType.replace(/([a-z])([A-Z])/g, '$1 $2')})`;
}
