// The curriculum designer's analytics on the Curriculum screen: overlap clusters, badge-inflation signals with the
// value-index distribution, and demand gaps, each from GET /api/analytics/... and each downloadable as the API's CSV.

import * as api from './api.js';
import { h, hours, jobOffers, money, put, screenUrl } from './dom.js';
import { histogram } from './heatmap.js';
import { problem } from './problem.js';
import { saveLink } from './save.js';

const SIGNALS = {
  'covered-by-cheaper': 'Covered by a cheaper or shorter credential',
  'no-demand': 'Teaches only skills no occupation in demand needs',
  'stacks-into-nothing': 'Stacks into nothing',
  'issuer-near-duplicates': "Most of its issuer's badges are near-duplicates",
};

function pct(v) {
  return `${Math.round(100 * v)}%`;
}

function number(v) {
  if (v === null || v === undefined) return 'not known';
  return v >= 100 ? String(Math.round(v)) : Number(v.toPrecision(2)).toString();
}

function credentialLink(c) {
  return h('a', { href: screenUrl('credential', { id: c.id }) }, c.label);
}

/** A reference in evidence: a credential links to its page, a skill to the credentials that teach it. */
function refLink(r) {
  return /\/credential\//.test(r.iri ?? '') ? h('a', { href: screenUrl('credential', { id: r.id }) }, r.label)
    : h('a', { href: screenUrl('catalog', { teaches: r.id }) }, r.label);
}

function costAndHours(c) {
  return `${c.cost === null || c.cost === undefined ? 'price not given' : money(c.cost, c.currency)} · ${hours(c.hours)}`;
}

/**
 * A button that asks the API for the same analysis as CSV (every item, not one page) and saves it: a link cannot
 * send Accept: text/csv, so the page fetches it and hands the file over.
 */
function csvButton(path, query, name) {
  const place = h('span', { class: 'csv-place' });
  const button = h('button', { type: 'button', class: 'small csv', 'data-path': path, onclick: async () => {
    button.disabled = true;
    try {
      const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      const response = await fetch(`${path}${params.size ? `?${params}` : ''}`, { headers: { Accept: 'text/csv' } });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const link = saveLink(name, 'text/csv', await response.text(), `Save ${name}`, `${name.replace(/\W+/g, '-')}-file`);
      place.replaceChildren(link);
      link.click();
    } catch (e) {
      place.replaceChildren(h('span', { class: 'field-error' }, `Could not download the CSV: ${e.message}.`));
    } finally {
      button.disabled = false;
    }
  } }, 'Download CSV');
  return h('span', { class: 'no-print' }, button, ' ', place);
}

/** The three analyses for a scope; each section fills in when its answer arrives, and fails on its own. */
export function analyticsSections(scope) {
  const sections = [
    section('overlap', 'Overlap: credentials that teach nearly the same skills', () =>
      api.get('/api/analytics/overlap', scope.overlap).then(overlap)),
    section('inflation', 'Badge inflation: signals and value', () =>
      api.get('/api/analytics/inflation', scope.inflation).then((r) => inflation(r, scope))),
    section('demand-gaps', 'Demand gaps: skills employers need that the catalog does not teach cheaply', () =>
      api.get('/api/analytics/gaps', scope.gaps).then(gaps)),
  ];
  return { elements: sections.map((x) => x.element), ready: Promise.all(sections.map((x) => x.ready)) };
}

function section(id, title, load) {
  const element = h('section', { id, class: 'analysis', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title));
  const status = h('p', { class: 'muted' }, 'Working it out…');
  element.append(status);
  const ready = load().then((parts) => {
    status.remove();
    put(element, parts);
  }, (error) => {
    status.remove();
    put(element, problem(error));
  });
  return { element, ready };
}

function scopeLine(scope, what) {
  return h('p', { class: 'summary' }, `${what} ${scope.label}`,
    scope.credentials !== null && scope.credentials !== undefined ? ` (${scope.credentials} credentials)` : '',
    scope.occupations !== null && scope.occupations !== undefined ? ` (${scope.occupations} occupations)` : '', '.');
}

function overlap(r) {
  const query = { issuer: r.scope.kind === 'issuer' ? r.scope.id : '', pathway: r.scope.kind === 'pathway' ? r.scope.id : '',
    minSimilarity: r.minSimilarity };
  return [
    scopeLine(r.scope, 'In'),
    h('p', {}, `${r.clusterCount ?? r.clusters.length} cluster${(r.clusterCount ?? r.clusters.length) === 1 ? '' : 's'} `,
      `of credentials, from ${r.total} pair${r.total === 1 ? '' : 's'} that share at least `,
      `${pct(r.minSimilarity ?? 0.5)} of their skills (Jaccard: shared skills over all the skills of the two; a broader `,
      'skill counts as related to its narrower ones). ', csvButton('/api/analytics/overlap', query, 'overlap.csv')),
    r.clusters.length ? h('ol', { class: 'clusters' }, r.clusters.map((c, i) => h('li', { class: 'cluster' },
      h('h3', {}, `Cluster ${i + 1}: ${c.members.length} credentials, ${c.skills.length} skill${c.skills.length === 1 ? '' : 's'} in common`),
      h('ul', { class: 'members' }, c.members.map((m) => h('li', { 'data-credential': m.id },
        credentialLink(m), m.issuer ? h('span', {}, ' from ', h('a', {
          href: screenUrl('designer', { subject: 'catalog', issuer: m.issuer.id }), title: `Only ${m.issuer.label}'s credentials` },
        m.issuer.label)) : '',
        h('span', { class: 'muted' }, ` · ${costAndHours(m)}`),
        m.id === c.cheapest ? h('span', { class: 'badge badge-satisfied cheapest' }, 'cheapest') : null,
        m.id === c.shortest ? h('span', { class: 'badge badge-satisfied shortest' }, 'shortest') : null))),
      c.skills.length ? h('ul', { class: 'tags' }, c.skills.map((k) => h('li', {}, k.label))) : null)))
      : h('p', { class: 'muted' }, 'No two credentials here teach nearly the same skills.'),
    r.items.length ? h('details', { class: 'pairs' }, h('summary', {}, `The ${r.items.length} most similar pairs`),
      h('div', { class: 'table-scroll' }, h('table', { class: 'overlap-pairs' },
        h('caption', { class: 'visually-hidden' }, 'Pairs of credentials by skill overlap'),
        h('thead', {}, h('tr', {}, ['Credential', 'Credential', 'Jaccard', 'Containment', 'Same issuer', 'Shared skills']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.items.map((p) => h('tr', {},
          h('td', {}, credentialLink(p.a)), h('td', {}, credentialLink(p.b)),
          h('td', { class: 'num' }, pct(p.jaccard)), h('td', { class: 'num' }, pct(p.containment)),
          h('td', {}, p.sameIssuer ? 'yes' : 'no'),
          h('td', { class: 'small' }, p.shared.map((k) => k.label).join(', ')))))))) : null,
  ];
}

function inflation(r, scope) {
  const first = r.items.find((i) => i.valueIndex.perHour !== null && i.valueIndex.perHour !== undefined);
  const at = (i) => ({ id: i.credential.id, label: i.credential.label, ...i.valueIndex });
  const chart = histogram(r.distribution, first ? at(first) : null);
  const query = { ...scope.inflation, limit: '', offset: '' };
  const filter = scope.inflation.signal;
  return [
    scopeLine(r.scope, 'In'),
    h('p', {}, 'The value index: the new skills a credential teaches, each weighted by the job offers behind it, per ',
      'hour of study and per euro. Signals say why a badge may add little, each with its evidence.',
      r.demandKnown === false ? ' The server has no job-offer figures, so demand is not weighed.' : ''),
    chart.element,
    h('p', { class: 'no-print filters-inline' }, 'Show: ',
      [['', 'every credential'], ...Object.entries(SIGNALS)].map(([kind, text], i) => [i ? ' · ' : '',
        kind === (filter ?? '') ? h('strong', { 'aria-current': 'true' }, text)
          : h('a', { href: screenUrl('designer', { ...scope.address, signal: kind }) }, text)]), ' ',
      csvButton('/api/analytics/inflation', query, 'inflation.csv')),
    h('div', { class: 'table-scroll' }, h('table', { class: 'inflation' },
      h('caption', {}, `${r.items.length} of ${r.total} credentials`, r.total > r.items.length ? '; all of them in the CSV' : ''),
      h('thead', {}, h('tr', {}, ['Credential', 'Value per hour', 'Value per €', 'Percentile', 'Signals', '']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, r.items.map((i) => h('tr', { 'data-credential': i.credential.id },
        h('th', { scope: 'row' }, credentialLink(i.credential),
          h('div', { class: 'muted small' }, [i.credential.issuer?.label, costAndHours(i.credential)].filter(Boolean).join(' · '))),
        h('td', { class: 'num' }, number(i.valueIndex.perHour)),
        h('td', { class: 'num' }, number(i.valueIndex.perCost)),
        h('td', { class: 'num' }, i.valueIndex.percentile === null || i.valueIndex.percentile === undefined ? 'not known'
          : String(Math.round(i.valueIndex.percentile))),
        h('td', {}, i.signals.length ? h('ul', { class: 'signals' }, i.signals.map((g) => h('li', { 'data-signal': g.kind },
          h('strong', {}, SIGNALS[g.kind] ?? g.kind), ': ', g.text,
          g.evidence.length ? [' (', g.evidence.map((e, j) => [j ? ', ' : '', refLink(e)]), ')'] : null)))
          : h('span', { class: 'muted' }, 'none')),
        h('td', {}, i.valueIndex.perHour === null || i.valueIndex.perHour === undefined ? null
          : h('button', { type: 'button', class: 'small no-print', 'aria-label': `Mark ${i.credential.label} on the chart`,
            onclick: () => chart.mark(at(i)) }, 'Mark on chart'))))))),
    r.issuers?.length ? [h('h3', {}, 'Issuers'),
      h('div', { class: 'table-scroll' }, h('table', { class: 'issuers' },
        h('caption', { class: 'visually-hidden' }, 'Issuers by the share of their credentials that are near-duplicates'),
        h('thead', {}, h('tr', {}, ['Issuer', 'Credentials', 'Near-duplicates of each other']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.issuers.map((x) => h('tr', { 'data-issuer': x.issuer.id },
          h('th', { scope: 'row' }, h('a', { href: screenUrl('designer', { subject: 'catalog', issuer: x.issuer.id }) },
            x.issuer.label)),
          h('td', { class: 'num' }, String(x.credentials)),
          h('td', { class: 'num' }, pct(x.nearDuplicateShare)))))))] : null,
  ];
}

function gaps(r) {
  const query = { occupation: r.scope.kind === 'occupation' ? r.scope.id : '', isco: r.scope.kind === 'isco' ? r.scope.id : '',
    pathway: r.scope.kind === 'pathway' ? r.scope.id : '' };
  return [
    scopeLine(r.scope, 'For'),
    h('p', {}, 'Skills the occupations need as essential, ranked by the job offers behind them, that no credential ',
      'teaches or only dear ones do', r.expensiveAbove ? ` (dearer than ${money(r.expensiveAbove, 'EUR')})` : '', '. ',
      csvButton('/api/analytics/gaps', query, 'gaps.csv')),
    r.items.length === 0 ? h('p', { class: 'muted' }, 'No gap: every skill needed here is taught at a fair price.')
      : h('div', { class: 'table-scroll' }, h('table', { class: 'demand-gaps' },
        h('caption', {}, `${r.items.length} of ${r.total} gaps, most job offers first`,
          r.total > r.items.length ? '; all of them in the CSV' : ''),
        h('thead', {}, h('tr', {}, ['#', 'Skill', 'Job offers', 'Occupations', 'Why', 'Taught by']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, r.items.map((g, i) => h('tr', { 'data-competency': g.competency.id, 'data-reason': g.reason },
          h('td', { class: 'num' }, String(r.offset + i + 1)),
          h('th', { scope: 'row' }, h('a', { href: screenUrl('catalog', { teaches: g.competency.id }) }, g.competency.label)),
          h('td', { class: 'num job-offers' }, jobOffers(g.jobOffers)),
          h('td', { class: 'num' }, String(g.occupations)),
          h('td', {}, g.reason === 'untaught' ? h('span', { class: 'untaught' }, 'no credential teaches it')
            : `only dear ones: the cheapest costs ${money(g.cheapestCost, 'EUR')}`),
          h('td', { class: 'small' }, g.taughtBy.length ? g.taughtBy.map((c, j) => [j ? ', ' : '', credentialLink(c)])
            : '—')))))),
  ];
}
