// Advisor screen: a learner's requirement tree for a pathway, each node satisfied, partial or missing with the
// holdings that count toward it, advisor exceptions (waive a requirement, substitute a held credential) kept in the
// address, and a what-if for another pathway beside it. Prints with the learner, the date and the exceptions.

import * as api from './api.js';
import { h, hours, money, put, screenUrl } from './dom.js';
import { courseLearners, holdingSources, launchHoldings, sisField, withSisCredentials } from './launch.js';
import { holdingsFields, pathways } from './pickers.js';
import { exportLinks } from './export.js';
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
const LEFT_ATTEMPTS = 4;
const LEFT_RETRY_MS = 5000;
const KIND_TEXT = { waive: 'Waived', substitute: 'Substituted' };

/** The address keeps each exception as kind|requirement|credential|note (ids never hold '|'; a note may). */
export function parseException(value) {
  const [kind, requirement = '', credential = '', ...note] = value.split('|');
  return { kind, requirement, credential, note: note.join('|') };
}

function exceptionValue(e) {
  return [e.kind, e.requirement, e.credential ?? '', e.note ?? ''].join('|');
}

function toApi(e) {
  return { kind: e.kind, requirement: e.requirement, ...(e.kind === 'substitute' ? { credential: e.credential } : {}),
    ...(e.note ? { note: e.note } : {}) };
}

/** This screen's address with the exceptions replaced. */
function withExceptions(params, exceptions) {
  const next = new URLSearchParams(params);
  next.delete('exception');
  exceptions.forEach((e) => next.append('exception', exceptionValue(e)));
  return '/?' + next.toString();
}

export async function render(main, params) {
  const [holdings, allPathways, fromSis] = await Promise.all([holdingsFields(params), pathways(),
    launchHoldings(params)]);
  const select = (id, name, label, empty) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name }, h('option', { value: '' }, empty),
      allPathways.map((p) => h('option', { value: p.id, selected: p.id === params.get(name) }, p.name))));
  const form = h('form', { class: 'panel no-print', method: 'get', action: '/', 'aria-labelledby': 'advisor-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'advisor' }),
    // the SIS field carries lti=1 when it is shown; an advisor's form carries it too, to keep the course's learners
    params.has('lti') && !fromSis.launched ? h('input', { type: 'hidden', name: 'lti', value: '1' }) : null,
    params.has('member') ? h('input', { type: 'hidden', name: 'member', value: params.get('member') }) : null,
    params.getAll('exception').map((v) => h('input', { type: 'hidden', name: 'exception', value: v })),
    h('fieldset', {}, h('legend', {}, "The learner's holdings"),
      h('div', { class: 'field' }, h('label', { for: 'learner-name' }, 'Name (for the printout)'),
        h('input', { id: 'learner-name', name: 'name', type: 'text', value: params.get('name') ?? '' })),
      sisField(fromSis),
      holdings.credentials.element,
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
    fromSis.advisor || fromSis.member ? courseLearners(params) : null,
    form, results);
  if (!params.has('pathway')) {
    put(results, h('h2', { id: 'audit-title' }, 'Audit'),
      h('p', { class: 'muted' }, 'Choose a pathway and press "Audit".'));
    return;
  }
  // a what-if of the audited pathway itself would only draw the same tree twice: said once, not drawn
  const sameAsAudited = params.getAll('whatIf').includes(params.get('pathway'));
  const whatIf = [...new Set(params.getAll('whatIf').filter((w) => w && w !== params.get('pathway')))];
  const exceptions = params.getAll('exception').map(parseException);
  const declared = [...holdings.credentials.chips.querySelectorAll('li.chip')]
    .map((li) => ({ id: li.querySelector('input').value, label: li.querySelector('span').textContent }));
  const sisIds = new Set(fromSis.holdings.map((held) => held.credential.id));
  const heldCredentials = [...fromSis.holdings.map((held) => held.credential),
    ...declared.filter((c) => !sisIds.has(c.id))];
  const question = {
    learner: { credentials: withSisCredentials(params.getAll('credential'), fromSis),
      competencies: params.getAll('competency') },
    pathway: params.get('pathway'),
    whatIf,
    exceptions: exceptions.map(toApi),
  };
  try {
    const report = await api.post('/api/audits', question);
    const held = [...fromSis.holdings.map((item) => `${item.credential.label} (from the SIS)`),
      ...[...document.querySelectorAll('.choice-field .chip > span:first-child')].map((el) => el.textContent)];
    const names = nodeNames(report.audit);
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
    put(results, 
      h('div', { class: 'audit-head' }, h('h2', { id: 'audit-title' }, 'Audit'),
        h('button', { type: 'button', class: 'no-print', onclick: () => window.print() }, 'Print')),
      h('p', { class: 'print-head', id: 'print-head' }, `Prepared for ${params.get('name') || 'the learner'} on `,
        `${today}. Pathway: ${report.audit.pathway.label}; catalog version ${report.catalogVersion}.`),
      h('p', { class: 'holdings-summary' }, h('strong', {}, 'Holdings: '), held.length ? held.join('; ') : 'none'),
      holdingSources(fromSis, declared, []),
      sameAsAudited ? h('p', { class: 'notice', id: 'what-if-same', role: 'status' }, 'The what-if names the audited ',
        'pathway itself, so there is nothing to compare; choose another pathway under "What if they switched to".')
        : null,
      exceptionList(params, exceptions, names, heldCredentials),
      exceptionForm(params, exceptions, report.audit, heldCredentials),
      h('p', { class: 'plan-cta no-print' }, h('a', { id: 'plan-whole-path', class: 'button-link', href: screenUrl('plan', {
        credential: params.getAll('credential'), competency: params.getAll('competency'), goalType: 'pathway',
        pathway: params.get('pathway') }) }, 'Plan the whole path'), ' — what is left of this pathway, in order, ',
      'cheapest first; pin or exclude credentials there.'),
      auditExport([report.audit, ...report.whatIf]),
      h('section', { id: 'left-summary', 'aria-live': 'polite' },
        h('p', { class: 'muted', id: 'left-working' }, 'Working out what is left to finish each pathway…')),
      h('div', { class: report.whatIf.length ? 'side-by-side' : '' },
        pathwayAudit(report.audit, 'Current pathway'),
        report.whatIf.map((w) => pathwayAudit(w, 'What if'))));
  } catch (e) {
    put(results, h('h2', { id: 'audit-title' }, 'Audit'), problem(e),
      exceptionList(params, exceptions, new Map(), heldCredentials));
    return;
  }
  // not awaited: the screen is ready with the audit; what is left follows (#left-summary[data-ready] when written)
  showWhatIsLeft(results, question);
}

/**
 * The planner's cheapest way to finish each pathway and each open requirement, asked for once the audit is on
 * screen (a planner run per open node takes a moment) and written into the trees in place.
 */
async function showWhatIsLeft(results, question) {
  const summary = results.querySelector('#left-summary');
  let report;
  try {
    report = await askWhatIsLeft(question, summary);
  } catch (e) {
    summary.replaceChildren(problem(e));
    return;
  }
  const audits = [report.audit, ...report.whatIf];
  const articles = results.querySelectorAll('article.audit');
  audits.forEach((audit, i) => {
    const article = articles[i];
    if (!article) return;
    article.querySelector('.status-note').after(
      h('p', { class: 'left left-pathway' }, h('strong', {}, 'What is left: '), leftText(audit.left)));
    const walk = (n) => {
      if (n.left) {
        article.querySelectorAll(`li.node[data-requirement="${CSS.escape(n.id)}"] > .node-head`).forEach((head) =>
          head.after(h('p', { class: 'left' }, h('strong', {}, 'Left here: '), leftText(n.left))));
      }
      n.children.forEach(walk);
    };
    audit.destinations.forEach((d) => d.requirements && walk(d.requirements));
  });
  results.querySelector('[data-export="audit"]').replaceWith(auditExport(audits));
  summary.replaceChildren(leftComparison(audits) ?? '');
  summary.dataset.ready = 'true';
}

/**
 * Asks for what is left; a planner busy with other advisors' requests says so at once (503), and it is asked again a
 * few times, a few seconds apart, before the screen says it could not be worked out.
 */
async function askWhatIsLeft(question, summary) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.post('/api/audits', { ...question, whatIsLeft: true });
    } catch (e) {
      if (!(e instanceof api.ApiError) || e.status !== 503 || attempt >= LEFT_ATTEMPTS) throw e;
      summary.querySelector('#left-working').textContent = 'The planner is busy working out what is left for other '
        + 'advisors; asking again in a few seconds…';
      await new Promise((resolve) => setTimeout(resolve, LEFT_RETRY_MS));
    }
  }
}

/** Every requirement node of the audited pathway, by id, with its name; the first occurrence wins. */
function nodeNames(audit) {
  const names = new Map();
  const walk = (n, depth, root) => {
    if (!names.has(n.id)) names.set(n.id, { name: n.name, depth, root, leaf: n.kind === 'credential' });
    n.children.forEach((c) => walk(c, depth + 1, false));
  };
  audit.destinations.forEach((d) => d.requirements && walk(d.requirements, 0, true));
  return names;
}

/** The exceptions in force, each with its note, and (on screen) a way to remove it. */
function exceptionList(params, exceptions, names, heldCredentials) {
  if (exceptions.length === 0) return null;
  const credentialName = (id) => heldCredentials.find((c) => c.id === id)?.label ?? id;
  return h('section', { class: 'exceptions', 'aria-labelledby': 'exceptions-title' },
    h('h3', { id: 'exceptions-title' }, 'Advisor exceptions'),
    h('ul', {}, exceptions.map((e, i) => h('li', { class: 'exception-item' },
      h('strong', {}, `${KIND_TEXT[e.kind] ?? e.kind}: `), names.get(e.requirement)?.name ?? e.requirement,
      e.kind === 'substitute' ? ` by ${credentialName(e.credential)}` : '',
      e.note ? h('span', { class: 'exception-note' }, ` — ${e.note}`) : h('span', { class: 'muted' }, ' (no note)'),
      ' ', h('a', { class: 'no-print remove-exception', href: withExceptions(params, exceptions.filter((_, j) => j !== i)),
        'aria-label': `Remove the exception for ${names.get(e.requirement)?.name ?? e.requirement}` }, 'Remove')))));
}

/** Pick a requirement, waive it or substitute a held credential for it, with a note; adds it to the address. */
function exceptionForm(params, exceptions, audit, heldCredentials) {
  const names = nodeNames(audit);
  const requirement = h('select', { id: 'exception-requirement', required: true },
    h('option', { value: '' }, 'Choose a requirement'),
    [...names].map(([id, n]) => h('option', { value: id },
      `${'\u00a0\u00a0'.repeat(n.depth)}${n.name}${n.root ? ' (the whole destination)' : ''}`)));
  const kind = h('select', { id: 'exception-kind' }, h('option', { value: 'waive' }, 'Waive it'),
    h('option', { value: 'substitute', disabled: heldCredentials.length === 0 },
      'Substitute a held credential for it'));
  const credential = h('select', { id: 'exception-credential' },
    heldCredentials.length ? heldCredentials.map((c) => h('option', { value: c.id }, c.label))
      : h('option', { value: '' }, 'The learner holds no credentials'));
  const credentialField = h('div', { class: 'field', hidden: true },
    h('label', { for: 'exception-credential' }, 'Credential that stands in'), credential);
  kind.addEventListener('change', () => { credentialField.hidden = kind.value !== 'substitute'; });
  const note = h('input', { id: 'exception-note', type: 'text', placeholder: 'e.g. equivalent course, transcript checked' });
  const form = h('form', { class: 'panel no-print exception-form', 'aria-labelledby': 'exception-form-title' },
    h('h3', { id: 'exception-form-title' }, 'Add an exception'),
    h('div', { class: 'field' }, h('label', { for: 'exception-requirement' }, 'Requirement'), requirement),
    h('div', { class: 'field' }, h('label', { for: 'exception-kind' }, 'Decision'), kind),
    credentialField,
    h('div', { class: 'field' }, h('label', { for: 'exception-note' }, 'Note (why; it is printed)'), note),
    h('button', { type: 'submit', id: 'add-exception' }, 'Add exception'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const added = { kind: kind.value, requirement: requirement.value, note: note.value.trim(),
      credential: kind.value === 'substitute' ? credential.value : '' };
    window.location.assign(withExceptions(params, [...exceptions, added]));
  });
  return form;
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

/** The labels of what counts toward a node: credentials and skills. */
function countedLabels(n) {
  return [...n.countedCredentials.map((r) => r.label), ...n.countedCompetencies.map((r) => r.label)];
}

/** A leaf's credential or skill, linked where it can be found: the credential's page, or the credentials teaching the skill. */
function target(n) {
  if (!n.target) return null;
  const href = n.kind === 'credential' ? screenUrl('credential', { id: n.target.id })
    : screenUrl('catalog', { teaches: n.target.id });
  return h('a', { class: 'node-target', href, title: n.kind === 'credential' ? null : `Credentials that teach ${n.target.label}` },
    n.target.label);
}

function node(n) {
  // what counts is said once, at the deepest node it counts toward, not again at every level above it
  const below = new Set(n.children.flatMap(countedLabels));
  const counted = countedLabels(n).filter((label) => !below.has(label));
  const link = target(n);
  return h('li', { class: `node node-${n.status}`, 'data-requirement': n.id },
    h('div', { class: 'node-head' }, badge(n.status), ' ',
      h('span', { class: 'node-name' }, link && link.textContent === n.name ? link : n.name),
      h('span', { class: 'node-rule' }, ` — ${rule(n)}`)),
    link && link.textContent !== n.name ? h('p', { class: 'counted' }, n.kind === 'credential' ? 'Credential: ' : 'Skill: ',
      link) : null,
    counted.length ? h('p', { class: 'counted' }, 'Counts: ', counted.join('; ')) : null,
    n.exception ? h('p', { class: 'exception' }, `Advisor exception: ${n.exception}`) : null,
    n.children.length ? h('ul', {}, n.children.map(node)) : null);
}

/** Credentials linked to their pages: "A, B and C". */
function credentialLinks(refs) {
  return refs.flatMap((r, i) => [i === 0 ? '' : i === refs.length - 1 ? ' and ' : ', ',
    h('a', { href: screenUrl('credential', { id: r.id }) }, r.label)]);
}

/** The planner's cheapest way to finish, in words: what to earn, then its cost, hours and ECTS. */
function leftText(left) {
  if (left.credentials.length === 0 && left.reachable) return 'nothing: it is done.';
  return [
    left.reachable ? 'the cheapest way is ' : 'the catalog cannot finish it; the closest is ',
    credentialLinks(left.credentials),
    left.granted.length ? [', which grants ', credentialLinks(left.granted)] : '',
    ` — ${money(left.cost, left.currency)}, ${hours(left.hours)}, ${left.ects} ECTS.`,
    left.reachable ? '' : h('span', { class: 'muted' }, ` (${left.note})`),
  ];
}

/** The pathways side by side by what is left to finish them, cheapest first. */
function leftComparison(audits) {
  const rows = audits.filter((a) => a.left);
  if (rows.length < 2) return null;
  const order = [...rows].sort((a, b) => (b.left.reachable - a.left.reachable) || a.left.cost - b.left.cost);
  return h('section', { class: 'left-comparison', 'aria-labelledby': 'left-comparison-title' },
    h('h3', { id: 'left-comparison-title' }, 'What is left to finish each pathway'),
    h('p', { class: 'muted' }, "The planner's cheapest plan from the learner's holdings to each pathway's final ",
      'destination (exceptions apply to the audited pathway only).'),
    // wrapped so a phone scrolls the table, not the page
    h('div', { class: 'table-scroll' }, h('table', { id: 'left-table' },
      h('thead', {}, h('tr', {}, ['Pathway', 'Status', 'Credentials left', 'Cost', 'Hours', 'ECTS']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, order.map((a) => h('tr', { 'data-pathway': a.pathway.id },
        h('th', { scope: 'row' }, a.pathway.label, a === audits[0] ? ' (audited)' : ''),
        h('td', {}, STATUS[a.status]?.text ?? a.status),
        h('td', { class: 'num' }, a.left.reachable ? String(a.left.credentials.length) : `${a.left.credentials.length} (cannot finish)`),
        h('td', { class: 'num' }, money(a.left.cost, a.left.currency)),
        h('td', { class: 'num' }, String(a.left.hours)),
        h('td', { class: 'num' }, String(a.left.ects))))))));
}

const AUDIT_COLUMNS = ['pathway', 'destination', 'depth', 'requirementId', 'requirement', 'rule', 'status', 'counts',
  'exception', 'leftCredentials', 'leftCost', 'leftCurrency', 'leftHours', 'leftEcts'];

/** Every requirement node of every pathway audited, one row each in tree order, for the CSV and JSON downloads. */
function auditExport(audits) {
  const rows = [];
  const walk = (audit, d, n, depth) => {
    rows.push({ pathway: audit.pathway.label, destination: d.name, depth, requirementId: n.id, requirement: n.name,
      rule: rule(n), status: STATUS[n.status]?.text ?? n.status, counts: countedLabels(n).join('; '),
      exception: n.exception, leftCredentials: n.left?.credentials.map((r) => r.label).join('; '),
      leftCost: n.left?.cost, leftCurrency: n.left?.currency, leftHours: n.left?.hours, leftEcts: n.left?.ects });
    n.children.forEach((c) => walk(audit, d, c, depth + 1));
  };
  audits.forEach((a) => a.destinations.forEach((d) => d.requirements && walk(a, d, d.requirements, 0)));
  return exportLinks('audit', AUDIT_COLUMNS, rows, 'the audit');
}
