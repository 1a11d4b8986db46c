// Credential screen: what it teaches, what it requires, what it stacks into and what stacks into it, with a
// diagram of the stack drawn in SVG (columns by level, one line per link) and a list of the links on small screens.

import * as api from './api.js';
import { h, hours, kindLabel, modeLabel, money, put, s, screenUrl } from './dom.js';
import { problem } from './problem.js';

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
    r.transferCredits ? ` — ${r.transferCredits} ECTS transfer` : '',
    r.direct ? '' : h('span', { class: 'via' }, ' (through ', r.via.flatMap((v, i) => [i ? ' and ' : '', link(v)]), ')'))));
}

const BOX_W = 190;
const LINE_H = 15;
const PAD = 8;
const GAP = 16;
const COL_GAP = 84;
const TOP = 28;
/** Characters per line in a box at the diagram's font size: names are wrapped, never cut. */
const LINE_CHARS = 24;

/** A name in lines of at most LINE_CHARS characters, broken between words (a longer word gets a line of its own). */
function wrap(text) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    if (line && (line + ' ' + word).length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The stack as columns by level: each credential in the column after the longest chain of credentials stacking into
 * it (within this stack), names whole and wrapped, one line per direct link with the credits it carries. On a
 * narrow screen the same links are a list (the CSS shows one or the other).
 */
function diagram(c) {
  const nodes = new Map([[c.id, { id: c.id, label: c.name, self: true }]]);
  c.stackLinks.forEach((l) => [l.from, l.to].forEach((r) => nodes.has(r.id) || nodes.set(r.id, { id: r.id, label: r.label })));
  // longest chain into each node: a part one level left of everything it stacks into
  nodes.forEach((n) => { n.level = 0; });
  for (let pass = 0; pass < nodes.size; pass++) {
    c.stackLinks.forEach((l) => {
      const to = nodes.get(l.to.id);
      to.level = Math.max(to.level, nodes.get(l.from.id).level + 1);
    });
  }
  const columns = [];
  nodes.forEach((n) => {
    n.lines = wrap(n.label);
    n.height = n.lines.length * LINE_H + 2 * PAD;
    (columns[n.level] ??= []).push(n);
  });
  columns.forEach((col) => col.sort((a, b) => a.label.localeCompare(b.label)));
  const columnHeight = (col) => col.reduce((sum, n) => sum + n.height, 0) + GAP * (col.length - 1);
  const tallest = Math.max(...columns.map(columnHeight));
  columns.forEach((col, level) => {
    let y = TOP + (tallest - columnHeight(col)) / 2;
    col.forEach((n) => {
      n.x = 10 + level * (BOX_W + COL_GAP);
      n.y = y;
      y += n.height + GAP;
    });
  });
  const width = 20 + columns.length * BOX_W + (columns.length - 1) * COL_GAP;
  const height = TOP + tallest + 10;
  // each link leaves and enters its box at a point of its own, so lines never meet in one point
  const outgoing = new Map();
  const incoming = new Map();
  c.stackLinks.forEach((l) => {
    (outgoing.get(l.from.id) ?? outgoing.set(l.from.id, []).get(l.from.id)).push(l);
    (incoming.get(l.to.id) ?? incoming.set(l.to.id, []).get(l.to.id)).push(l);
  });
  const attach = (n, list, l) => n.y + ((list.indexOf(l) + 1) * n.height) / (list.length + 1);
  const edges = c.stackLinks.map((l) => {
    const from = nodes.get(l.from.id);
    const to = nodes.get(l.to.id);
    const x1 = from.x + BOX_W;
    const y1 = attach(from, outgoing.get(l.from.id), l);
    const x2 = to.x - 3;
    const y2 = attach(to, incoming.get(l.to.id), l);
    return s('g', { class: 'link' },
      s('title', {}, linkText(l)),
      s('line', { x1, y1, x2, y2, class: 'edge', 'marker-end': 'url(#arrow)' }),
      // the credits sit a little way along the line, where lines leaving one box have already parted
      l.transferCredits ? s('text', { x: x1 + (x2 - x1) * 0.22, y: y1 + (y2 - y1) * 0.22 - 4, class: 'edge-label',
        'text-anchor': 'middle' }, `${l.transferCredits} ECTS`) : null);
  });
  const box = (n) => {
    const g = s('g', { class: `node ${n.self ? 'self' : ''}` },
      s('title', {}, n.label),
      s('rect', { x: n.x, y: n.y, width: BOX_W, height: n.height, rx: 6 }),
      s('text', { x: n.x + BOX_W / 2, y: n.y + PAD + LINE_H - 4, 'text-anchor': 'middle' },
        n.lines.map((line, i) => s('tspan', { x: n.x + BOX_W / 2, dy: i === 0 ? 0 : LINE_H }, line))));
    return n.self ? g : s('a', { href: screenUrl('credential', { id: n.id }), 'aria-label': n.label }, g);
  };
  const up = c.stacksInto.length;
  const down = c.stackedFrom.length;
  const summary = `${c.name}: ${down} credential${down === 1 ? '' : 's'} stack into it; it stacks into ${up}.`;
  if (c.stackLinks.length === 0) {
    return h('figure', { class: 'stack' }, h('p', { class: 'muted' }, 'It stands alone: nothing stacks into it and it ',
      'stacks into nothing.'));
  }
  return h('figure', { class: 'stack' },
    s('svg', { viewBox: `0 0 ${width} ${height}`, width, role: 'group', 'aria-label': summary, class: 'stack-diagram' },
      s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
        orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }))),
      columns.map((col, level) => s('text', { x: col[0].x, y: 16, class: 'column-title' },
        columnTitle(level, nodes.get(c.id).level, columns.length))),
      edges,
      [...nodes.values()].map(box)),
    h('ul', { class: 'stack-links' }, c.stackLinks.map((l) => h('li', {},
      nodes.get(l.from.id).self ? h('strong', {}, l.from.label) : link(l.from), ' → ',
      nodes.get(l.to.id).self ? h('strong', {}, l.to.label) : link(l.to),
      l.transferCredits ? ` (${l.transferCredits} ECTS)` : ''))),
    h('figcaption', { class: 'small' }, summary, ' Columns by level; each line is one link with the credits it carries.'));
}

/** Parts on the left, then what they go through, the credential itself, and what it stacks into. */
function columnTitle(level, self, count) {
  if (level === self) return 'This credential';
  if (level < self) return level === 0 ? 'Stacks into it' : 'Through';
  return level === count - 1 ? 'It stacks into' : 'Then into';
}

function linkText(l) {
  return `${l.from.label} stacks into ${l.to.label}${l.transferCredits ? ` with ${l.transferCredits} ECTS` : ''}`;
}

/** The kind, and the Open Badges achievement type only when it says something the kind does not. */
function typeText(c) {
  const kind = kindLabel(c.type);
  const letters = (t) => String(t).toLowerCase().replace(/[^a-z]/g, '');
  if (!c.achievementType || letters(c.achievementType) === letters(kind)) return kind;
  return `${kind} (Open Badges achievement type ${c.achievementType.replace(/([a-z])([A-Z])/g, '$1 $2')})`;
}
