// Curriculum designer screen (first version): for an occupation or a pathway, which of its skills the catalog
// teaches, by how many credentials, and which none teaches, as a bar chart.

import * as api from './api.js';
import { ChoiceField } from './combobox.js';
import { h, percent, put, screenUrl } from './dom.js';
import { labelled, pathways, searchOccupations } from './pickers.js';
import { problem } from './problem.js';

/** ICT security technician: the sample's catalog leaves one of its skills untaught. */
const EXAMPLE_OCCUPATION = 'a44a1dc5-be08-4840-8bd5-770c4ac1ca6d';
const RELATION = { required: 'required by the pathway', essential: 'essential', optional: 'optional' };

export async function render(main, params) {
  const subject = params.has('pathway') ? 'pathway' : 'occupation';
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
  };
  const show = (kind) => Object.entries(parts).forEach(([key, part]) => {
    part.hidden = key !== kind;
    part.disabled = key !== kind;
  });
  show(subject);
  const form = h('form', { class: 'panel', method: 'get', action: '/', 'aria-labelledby': 'designer-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'designer' }),
    h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Coverage of' },
      [['occupation', 'An occupation'], ['pathway', 'A pathway']].map(([value, text]) => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'subject', value, checked: value === subject, onchange: () => show(value) }),
        ` ${text}`))),
    Object.values(parts),
    h('button', { type: 'submit', class: 'primary' }, 'Show coverage'));
  const results = h('section', { id: 'results', 'aria-labelledby': 'coverage-title' });
  put(main, h('h1', { id: 'designer-title' }, 'Curriculum: what the catalog teaches'),
    h('p', { class: 'lead' }, 'For an occupation or a pathway, which of its skills the catalog teaches, by how many ',
      'credentials, and which none teaches. ',
      h('a', { href: screenUrl('designer', { occupation: EXAMPLE_OCCUPATION }) }, 'Try an example'), '.'),
    form, results);
  const query = subject === 'pathway' ? { pathway: params.get('pathway') } : { occupation: params.get('occupation') };
  if (!params.has(subject)) {
    put(results, h('h2', { id: 'coverage-title' }, 'Coverage'),
      h('p', { class: 'muted' }, 'Choose an occupation or a pathway and press "Show coverage".'));
    return;
  }
  try {
    const report = await api.get('/api/coverage', query);
    put(results, chart(report));
  } catch (e) {
    put(results, h('h2', { id: 'coverage-title' }, 'Coverage'), problem(e));
  }
}

function chart(report) {
  const most = Math.max(1, ...report.skills.map((k) => k.credentialCount));
  const gaps = report.skills.filter((k) => k.credentialCount === 0);
  return h('div', {},
    h('h2', { id: 'coverage-title' }, `Coverage of ${report.label}`),
    h('p', { class: 'summary' }, `${report.taughtCount} of ${report.skillCount} skills are taught by at least one `,
      `credential (${percent(report.taughtCount, report.skillCount)}%); ${report.untaughtCount} by none. `,
      `${report.teachingCredentials} credentials teach at least one of them.`),
    report.kind === 'pathway' ? h('p', { class: 'muted', id: 'goal-skills-definition' }, goalSkills(report)) : null,
    h('div', { class: 'table-scroll' }, h('table', { class: 'coverage' },
      h('caption', {}, 'Credentials teaching each skill (bar length: number of credentials)'),
      h('thead', {}, h('tr', {}, ['Skill', 'Why it counts', 'Credentials', 'Taught by']
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, report.skills.map((k) => {
        const fill = h('span', { class: 'bar-now' });
        fill.style.width = `${percent(k.credentialCount, most)}%`;
        return h('tr', { class: k.credentialCount ? '' : 'gap' },
          h('th', { scope: 'row' }, k.competency.label),
          h('td', {}, RELATION[k.relation] ?? k.relation),
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
