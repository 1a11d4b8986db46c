// The goal and constraint fields the learner and plan screens share: a goal (an occupation, a pathway or a list of
// skills) chosen from the API, the limits (budget, hours, modes, credit-bearing only), and the request parts they
// make. Everything is read from and written to the page's address.

import { ChoiceField } from './combobox.js';
import { h } from './dom.js';
import { labelled, pathways, resolveTypedOnSubmit, searchCompetencies, searchOccupations } from './pickers.js';

export const MODES = [['online', 'Online'], ['blended', 'Blended'], ['in-person', 'In person']];
export const GOALS = [['occupation', 'An occupation'], ['pathway', 'A pathway or degree'],
  ['competencies', 'A list of skills']];

/** The goal type in the address, or occupation. */
export function goalTypeOf(params) {
  return GOALS.some(([v]) => v === params.get('goalType')) ? params.get('goalType') : 'occupation';
}

/** The "Your goal" fieldset, filled from the address; fetches the labels it needs. */
export async function goalFieldset(params, goalType) {
  const [occupation, goalSkills, allPathways] = await Promise.all([
    labelled('occupations', params.getAll('occupation').slice(0, 1)),
    labelled('competencies', params.getAll('goalCompetency')),
    pathways(),
  ]);
  const occupationField = new ChoiceField({
    id: 'goal-occupation', name: 'occupation', label: 'Occupation', single: true,
    hint: 'e.g. "data analyst" or "web dev"', search: searchOccupations, initial: occupation,
  });
  const skillsField = new ChoiceField({
    id: 'goal-competencies', name: 'goalCompetency', label: 'Skills to gain', search: searchCompetencies,
    initial: goalSkills,
  });
  const pathwaySelect = h('select', { id: 'goal-pathway', name: 'pathway' },
    h('option', { value: '' }, 'Choose a pathway'),
    allPathways.map((p) => h('option', { value: p.id, selected: p.id === params.get('pathway') }, p.name)));
  const parts = {
    occupation: h('fieldset', { class: 'goal-part' }, h('legend', { class: 'visually-hidden' }, 'Occupation goal'),
      occupationField.element),
    pathway: h('fieldset', { class: 'goal-part' }, h('legend', { class: 'visually-hidden' }, 'Pathway goal'),
      h('label', { for: 'goal-pathway' }, 'Pathway or degree'), pathwaySelect),
    competencies: h('fieldset', { class: 'goal-part' }, h('legend', { class: 'visually-hidden' }, 'Skills goal'),
      skillsField.element),
  };
  const show = (type) => Object.entries(parts).forEach(([key, part]) => {
    part.hidden = key !== type;
    part.disabled = key !== type; // a disabled fieldset's fields stay out of the URL
  });
  show(goalType);
  const fieldset = h('fieldset', {}, h('legend', {}, 'Your goal'),
    h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Kind of goal' },
      GOALS.map(([value, text]) => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'goalType', value, checked: value === goalType,
          onchange: () => show(value) }), ` ${text}`))),
    Object.values(parts));
  fieldset.occupationField = occupationField;
  return fieldset;
}

/**
 * Before the form is sent: an occupation typed but not picked is taken as its best match (the results say so), or
 * refused beside the field with why nothing matched. Register it before any other submit handler.
 */
export function resolveTypedGoal(form, goal) {
  resolveTypedOnSubmit(form, goal.occupationField, 'occupation');
}

/** When the address says the occupation was typed and resolved: which text, and what it was taken to mean. */
export function typedNote(params, label) {
  const typed = params.get('typed');
  if (!typed || goalTypeOf(params) !== 'occupation') return null;
  return h('p', { class: 'notice', id: 'typed-note', role: 'status' }, `You typed "${typed}" without choosing from `,
    `the list; Cairn took the best match, ${label}. Choose another occupation in the form if you meant another.`);
}

export function numberField(id, name, label, params, attrs = {}) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { id, name, type: 'number', min: '0', step: 'any', inputmode: 'decimal', value: params.get(name) ?? '',
      ...attrs }));
}

/** Budget, hours, modes and credit-bearing only, as the learner and plan screens ask them. */
export function limitFields(params) {
  return [
    numberField('max-cost', 'maxCost', 'Budget at most (EUR)', params),
    numberField('max-hours', 'maxHours', 'Hours at most', params),
    h('fieldset', { class: 'modes' }, h('legend', {}, 'Modes you can attend (none ticked: any)'),
      MODES.map(([value, text]) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'mode', value, checked: params.getAll('mode').includes(value) }),
        ` ${text}`))),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'creditBearingOnly', value: 'true',
      checked: params.get('creditBearingOnly') === 'true' }), ' Credit-bearing only (ECTS)'),
  ];
}

/** A number from the URL, or the text itself so the API can say what is wrong with it. */
export function number(text) {
  if (text === null || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** The request's goal, learner and constraints from the address. */
export function requestParts(params, goalType, presented) {
  const goal = goalType === 'competencies' ? { type: goalType, ids: params.getAll('goalCompetency') }
    : { type: goalType, id: params.get(goalType) ?? undefined };
  const modes = params.getAll('mode');
  return {
    learner: {
      name: params.get('name') || undefined,
      credentials: params.getAll('credential'),
      competencies: params.getAll('competency'),
      presented: presented.length ? presented.map((p) => p.value) : undefined,
    },
    goal,
    constraints: {
      maxCost: number(params.get('maxCost')),
      maxHours: number(params.get('maxHours')),
      modes: modes.length ? modes : undefined,
      creditBearingOnly: params.get('creditBearingOnly') === 'true',
    },
  };
}

/**
 * Presented credentials live in this page only: submitting with some keeps the page (and them) and puts the rest
 * of the state in the address, as a plain submit would.
 */
export function keepPresentedOnSubmit(form, main, presented, render) {
  form.addEventListener('submit', (event) => {
    if (presented.length === 0) return;
    event.preventDefault();
    const state = new URLSearchParams(new FormData(form));
    window.history.pushState(null, '', `/?${state}`);
    document.body.dataset.ready = 'false';
    main.replaceChildren();
    render(main, state).then(() => { document.body.dataset.ready = 'true'; });
  });
}
