// Curriculum designer screen: for an occupation or a pathway, which of its skills the catalog teaches (a bar per
// skill and a skills x credentials heatmap); then, for that pathway or the whole catalog (or one issuer), the
// analytics: overlap clusters, badge-inflation signals with the value-index distribution, and demand gaps.

import * as api from './api.js';
import { analyticsSections } from './analytics.js';
import { ChoiceField } from './combobox.js';
import { h, JOB_OFFERS_MEAN, jobOffers, percent, put, screenUrl } from './dom.js';
import { heatmap } from './heatmap.js';
import { labelled, pathways, searchOccupations } from './pickers.js';
import { problem } from './problem.js';

/** ICT security technician: the sample's catalog leaves one of its skills untaught. */
const EXAMPLE_OCCUPATION = 'a44a1dc5-be08-4840-8bd5-770c4ac1ca6d';
const RELATION = { required: 'required by the pathway', essential: 'essential', optional: 'optional' };
const SUBJECTS = [['occupation', 'An occupation'], ['pathway', 'A pathway'], ['catalog', 'The whole catalog']];

/** What the address asks about: its subject, or the one whose id it carries. */
function subjectOf(params) {
  const named = params.get('subject');
  if (SUBJECTS.some(([v]) => v === named)) return named;
  return params.has('pathway') ? 'pathway' : 'occupation';
}

export async function render(main, params) {
  const subject = subjectOf(params);
  const [occupation, allPathways] = await Promise.all([
    labelled('occupations', params.getAll('occupation').slice(0, 1)), pathways()]);
  const occupationField = new ChoiceField({
    id: 'coverage-occupation', name: 'occupation', label: 'Occupation', single: true, search: searchOccupations,
    initial: occupation, hint: 'e.g. "data analyst"',
  });
  const pathwaySelect = h('select', { id: 'coverage-pathway', name: 'pathway' },
    allPathways.map((p) => h('option', { value: p.id, selected: p.id === params.get('pathway') }, p.name)));
  const parts = {
    occupation: h('fieldset', {}, h('legend', { class: 'visually-hidden' }, 'Occupation'), occupationField.element),
    pathway: h('fieldset', {}, h('legend', { class: 'visually-hidden' }, 'Pathway'),
      h('label', { for: 'coverage-pathway' }, 'Pathway'), pathwaySelect),
    catalog: h('fieldset', {}, h('legend', { class: 'visually-hidden' }, 'The whole catalog'),
      h('label', { for: 'coverage-isco' }, 'Demand gaps for an ISCO group (optional)'),
      h('span', { class: 'hint', id: 'coverage-isco-hint' }, '1 to 4 digits, e.g. 25 (ICT professionals)'),
      h('input', { id: 'coverage-isco', name: 'isco', type: 'text', inputmode: 'numeric', maxlength: 4,
        'aria-describedby': 'coverage-isco-hint', value: params.get('isco') ?? '' })),
  };
  const show = (kind) => Object.entries(parts).forEach(([key, part]) => {
    part.hidden = key !== kind;
    part.disabled = key !== kind;
  });
  show(subject);
  const issuer = params.get('issuer') ?? '';
  const form = h('form', { class: 'panel no-print', method: 'get', action: '/', 'aria-labelledby': 'designer-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'designer' }),
    issuer ? h('input', { type: 'hidden', name: 'issuer', value: issuer }) : null,
    h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Look at' },
      SUBJECTS.map(([value, text]) => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'subject', value, checked: value === subject, onchange: () => show(value) }),
        ` ${text}`))),
    Object.values(parts),
    h('button', { type: 'submit', class: 'primary' }, 'Show coverage and analytics'));
  const results = h('section', { id: 'results', 'aria-labelledby': 'coverage-title' });
  put(main, h('h1', { id: 'designer-title' }, 'Curriculum: what the catalog teaches'),
    h('p', { class: 'lead' }, 'For an occupation or a pathway, which of its skills the catalog teaches and which none ',
      'does; for the catalog, which credentials overlap, which badges add little, and which skills employers need ',
      'that nobody teaches cheaply. ',
      h('a', { href: screenUrl('designer', { occupation: EXAMPLE_OCCUPATION }) }, 'Try an example'), '.'),
    form, results);
  const asked = params.has('subject') || params.has(subject);
  if (!asked) {
    put(results, h('h2', { id: 'coverage-title' }, 'Coverage'),
      h('p', { class: 'muted' }, 'Choose an occupation, a pathway or the whole catalog and press "Show coverage and analytics".'));
    return;
  }
  const id = subject === 'catalog' ? null : params.get(subject);
  const scope = analyticsScope(params, subject, id, issuer);
  const analytics = analyticsSections(scope);
  if (issuer) {
    put(results, h('p', { class: 'notice', id: 'issuer-note' }, "Overlap and inflation look at one issuer's credentials ",
      'only. ', h('a', { href: screenUrl('designer', { ...scope.address, issuer: '' }) }, 'Show every issuer'), '.'));
  }
  if (id) {
    try {
      const report = await api.get('/api/coverage', { [subject]: id });
      put(results, chart(report), heatmap(report));
    } catch (e) {
      put(results, h('h2', { id: 'coverage-title' }, 'Coverage'), problem(e));
    }
  } else if (subject !== 'catalog') {
    put(results, h('h2', { id: 'coverage-title' }, 'Coverage'),
      h('p', { class: 'muted' }, `Choose ${subject === 'pathway' ? 'a pathway' : 'an occupation'} to see its coverage.`));
  }
  put(results, analytics.elements);
  await analytics.ready;
}

/**
 * The analyses' queries: overlap and inflation over the pathway (or the whole catalog), one issuer's credentials when
 * the address names one; gaps for the occupation, the pathway, an ISCO group or every occupation.
 */
function analyticsScope(params, subject, id, issuer) {
  const pathway = subject === 'pathway' ? id : '';
  const isco = subject === 'catalog' ? (params.get('isco') ?? '').trim() : '';
  const address = { subject, [subject]: id ?? '', isco, issuer };
  return {
    address,
    overlap: { issuer, pathway },
    inflation: { issuer, pathway, signal: params.get('signal') ?? '' },
    gaps: subject === 'occupation' ? { occupation: id } : subject === 'pathway' ? { pathway: id } : { isco },
  };
}

function chart(report) {
  const most = Math.max(1, ...report.skills.map((k) => k.credentialCount));
  const gaps = report.skills.filter((k) => k.credentialCount === 0);
  const demand = report.skills.some((k) => k.jobOffers !== null && k.jobOffers !== undefined);
  return h('div', {},
    h('h2', { id: 'coverage-title' }, `Coverage of ${report.label}`),
    h('p', { class: 'summary' }, `${report.taughtCount} of ${report.skillCount} skills are taught by at least one `,
      `credential (${percent(report.taughtCount, report.skillCount)}%); ${report.untaughtCount} by none. `,
      `${report.teachingCredentials} credentials teach at least one of them.`),
    demand ? h('p', { class: 'muted small', id: 'job-offers-note' }, JOB_OFFERS_MEAN) : null,
    report.kind === 'pathway' ? h('p', { class: 'muted', id: 'goal-skills-definition' }, goalSkills(report)) : null,
    h('div', { class: 'table-scroll' }, h('table', { class: 'coverage' },
      h('caption', {}, 'Credentials teaching each skill (bar length: number of credentials)'),
      h('thead', {}, h('tr', {}, ['Skill', 'Why it counts', demand ? 'Job offers' : null, 'Credentials', 'Taught by']
        .filter(Boolean).map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, report.skills.map((k) => {
        const fill = h('span', { class: 'bar-now' });
        fill.style.width = `${percent(k.credentialCount, most)}%`;
        return h('tr', { class: k.credentialCount ? '' : 'gap' },
          h('th', { scope: 'row' }, k.competency.label),
          h('td', {}, RELATION[k.relation] ?? k.relation),
          demand ? h('td', { class: 'num job-offers' }, jobOffers(k.jobOffers)) : null,
          h('td', {}, h('div', { class: 'bar-cell' }, h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
            h('span', { class: 'count' }, k.credentialCount ? String(k.credentialCount) : 'none'))),
          h('td', { class: 'small' }, k.taughtBy.length ? k.taughtBy.map((r, i) => [i ? ', ' : '',
            h('a', { href: screenUrl('credential', { id: r.id }) }, r.label)]) : 'a gap',
            k.credentialCount > k.taughtBy.length ? ` and ${k.credentialCount - k.taughtBy.length} more` : ''));
      })))),
    h('h3', {}, 'Taught by no credential'),
    gaps.length ? h('ul', { class: 'tags gaps' }, gaps.map((k) => h('li', {}, k.competency.label,
      h('span', { class: 'tag-note' }, ` ${RELATION[k.relation] ?? k.relation}`))))
      : h('p', {}, 'None: the catalog teaches every skill.'));
}

/** A pathway's goal skills, counted as the learner screen counts them: the skills its requirements name or teach. */
function goalSkills(report) {
  const required = report.skills.filter((k) => k.relation === 'required').length;
  return `${required} of these are the pathway's goal skills (required by the pathway: named by its requirements, `
    + 'or taught by the credentials they name), the same count as the goal on the learner screen; the rest are '
    + 'skills of the occupation it prepares for.';
}
