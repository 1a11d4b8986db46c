// Advisor screen: a learner's requirement tree for a pathway, each node satisfied, partial or missing with the
// holdings that count toward it, and a what-if for another pathway beside it. Prints cleanly.

import * as api from './api.js';
import { h, put, screenUrl } from './dom.js';
import { holdingsFields, pathways } from './pickers.js';
import { problem } from './problem.js';

const STATUS = {
  satisfied: { icon: '✓', text: 'Satisfied' },
  partial: { icon: '◐', text: 'Partial' },
  missing: { icon: '✗', text: 'Missing' },
};
const EXAMPLE = {
  credential: ['nb-mc-applied-statistics'],
  competency: ['7ee4c2ea-b349-4bd2-81a3-ec31475d4833', '1973c966-f236-40c9-b2d4-5d71a89019be'],
  pathway: 'data-analytics', whatIf: 'ict-project-management',
};

export async function render(main, params) {
  const [holdings, allPathways] = await Promise.all([holdingsFields(params), pathways()]);
  const select = (id, name, label, empty) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name }, h('option', { value: '' }, empty),
      allPathways.map((p) => h('option', { value: p.id, selected: p.id === params.get(name) }, p.name))));
  const form = h('form', { class: 'panel no-print', method: 'get', action: '/', 'aria-labelledby': 'advisor-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'advisor' }),
    h('fieldset', {}, h('legend', {}, "The learner's holdings"), holdings.credentials.element,
      holdings.competencies.element),
    h('fieldset', {}, h('legend', {}, 'Pathways'),
      select('audit-pathway', 'pathway', 'Audit against', 'Choose a pathway'),
      select('what-if-pathway', 'whatIf', 'What if they switched to', 'No what-if')),
    h('button', { type: 'submit', class: 'primary', id: 'audit' }, 'Audit'));
  const results = h('section', { id: 'results', 'aria-live': 'polite', 'aria-labelledby': 'audit-title' });
  put(main, 
    h('h1', { id: 'advisor-title' }, 'Advisor: audit and what-if'),
    h('p', { class: 'lead no-print' }, "Check a learner's progress through a pathway's requirements, and what it ",
      'would look like on another pathway. ', h('a', { href: screenUrl('advisor', EXAMPLE) }, 'Try an example'), '.'),
    form, results);
  if (!params.has('pathway')) {
    put(results, h('h2', { id: 'audit-title' }, 'Audit'),
      h('p', { class: 'muted' }, 'Choose a pathway and press "Audit".'));
    return;
  }
  const whatIf = params.getAll('whatIf').filter(Boolean);
  try {
    const report = await api.post('/api/audits', {
      learner: { credentials: params.getAll('credential'), competencies: params.getAll('competency') },
      pathway: params.get('pathway'),
      whatIf,
    });
    const held = [...document.querySelectorAll('.choice-field .chip > span:first-child')].map((el) => el.textContent);
    put(results, 
      h('div', { class: 'audit-head' }, h('h2', { id: 'audit-title' }, 'Audit'),
        h('button', { type: 'button', class: 'no-print', onclick: () => window.print() }, 'Print')),
      h('p', { class: 'holdings-summary' }, h('strong', {}, 'Holdings: '), held.length ? held.join('; ') : 'none'),
      h('p', { class: 'plan-cta no-print' }, h('a', { id: 'plan-whole-path', class: 'button-link', href: screenUrl('plan', {
        credential: params.getAll('credential'), competency: params.getAll('competency'), goalType: 'pathway',
        pathway: params.get('pathway') }) }, 'Plan the whole path'), ' — what is left of this pathway, in order, ',
      'cheapest first; pin or exclude credentials there.'),
      h('div', { class: report.whatIf.length ? 'side-by-side' : '' },
        pathwayAudit(report.audit, 'Current pathway'),
        report.whatIf.map((w) => pathwayAudit(w, 'What if'))));
  } catch (e) {
    put(results, h('h2', { id: 'audit-title' }, 'Audit'), problem(e));
  }
}

function badge(status) {
  const s = STATUS[status] ?? { icon: '?', text: status };
  return h('span', { class: `badge badge-${status}` }, h('span', { 'aria-hidden': 'true' }, s.icon), ` ${s.text}`);
}

function pathwayAudit(audit, caption) {
  return h('article', { class: 'audit', 'aria-label': `${caption}: ${audit.pathway.label}` },
    h('p', { class: 'caption' }, caption),
    h('h3', {}, audit.pathway.label, ' ', badge(audit.status)),
    h('p', { class: 'status-note' }, audit.statusNote),
    audit.destinations.map((d) => h('section', { class: 'destination' },
      h('h4', {}, d.name, d.offRamp ? ' (exit award)' : '', ' ', badge(d.status)),
      d.alreadyHeld ? h('p', { class: 'muted' }, 'Already held.') : null,
      fit(d.fit),
      d.requirements ? h('ul', { class: 'tree' }, node(d.requirements)) : null)));
}

// Says when the best fit assigned holdings differently from the declared order, and why; silent otherwise.
function fit(f) {
  if (f.method === 'best-fit' && f.reassignments.length === 0) {
    return null;
  }
  return h('div', { class: 'fit' }, h('p', {}, f.note),
    f.reassignments.length ? h('ul', {}, f.reassignments.map((r) => h('li', {}, r.text))) : null);
}

function rule(n) {
  switch (n.kind) {
    case 'all-of': return `all of these (${n.satisfied} of ${n.required} done)`;
    case 'at-least': return `at least ${n.required} of these (${n.satisfied} done)`;
    case 'minimum-credits': return `${n.credits} of ${n.requiredCredits} ECTS`;
    case 'credential': return 'credential';
    case 'competency': return 'skill';
    default: return n.kind;
  }
}

function node(n) {
  const counted = [...n.countedCredentials.map((r) => r.label), ...n.countedCompetencies.map((r) => r.label)];
  return h('li', { class: `node node-${n.status}` },
    h('div', { class: 'node-head' }, badge(n.status), ' ', h('span', { class: 'node-name' }, n.name),
      h('span', { class: 'node-rule' }, ` — ${rule(n)}`)),
    counted.length ? h('p', { class: 'counted' }, 'Counts: ', counted.join('; ')) : null,
    n.exception ? h('p', { class: 'exception' }, `Advisor exception: ${n.exception}`) : null,
    n.children.length ? h('ul', {}, n.children.map(node)) : null);
}
