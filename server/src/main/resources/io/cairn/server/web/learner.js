// Learner screen: "what should I earn next?" Holdings, a goal and constraints in; ranked, explained suggestions
// out, with how far the goal is reached now and after each suggestion.

import * as api from './api.js';
import { ChoiceField } from './combobox.js';
import { bar, h, hours, kindLabel, listText, modeLabel, money, percent, put, screenUrl } from './dom.js';
import { holdingsFields, labelled, pathways, searchCompetencies, searchOccupations } from './pickers.js';
import { problem } from './problem.js';
import { presented, presentedField, presentedResults } from './presented.js';

const MODES = [['online', 'Online'], ['blended', 'Blended'], ['in-person', 'In person']];
const GOALS = [['occupation', 'An occupation'], ['pathway', 'A pathway or degree'], ['competencies', 'A list of skills']];
const EXAMPLE = {
  credential: ['sf-spreadsheet-essentials', 'sf-remote-teamwork'],
  competency: ['609a8ac1-9d29-4237-9886-596dbbe7ca8a'],
  goalType: 'occupation', occupation: 'd3edb8f8-3a06-47a0-8fb9-9b212c006aa2',
  maxCost: 1500, maxHours: 300, mode: ['online', 'blended'],
};

export async function render(main, params) {
  const goalType = GOALS.some(([v]) => v === params.get('goalType')) ? params.get('goalType') : 'occupation';
  // asked at once, beside the label look-ups below, so the answer is not kept waiting for them
  const answer = params.has('goalType')
    ? api.post('/api/recommendations', request(params, goalType)).then((list) => ({ list }), (error) => ({ error }))
    : null;
  const [holdings, occupation, goalSkills, allPathways] = await Promise.all([
    holdingsFields(params),
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

  const goalParts = {
    occupation: h('fieldset', { class: 'goal-part' }, h('legend', { class: 'visually-hidden' }, 'Occupation goal'),
      occupationField.element),
    pathway: h('fieldset', { class: 'goal-part' }, h('legend', { class: 'visually-hidden' }, 'Pathway goal'),
      h('label', { for: 'goal-pathway' }, 'Pathway or degree'), pathwaySelect),
    competencies: h('fieldset', { class: 'goal-part' }, h('legend', { class: 'visually-hidden' }, 'Skills goal'),
      skillsField.element),
  };
  const showGoal = (type) => Object.entries(goalParts).forEach(([key, part]) => {
    part.hidden = key !== type;
    part.disabled = key !== type; // a disabled fieldset's fields stay out of the URL
  });
  showGoal(goalType);

  const form = h('form', { class: 'panel', method: 'get', action: '/', 'aria-labelledby': 'learner-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'learner' }),
    h('fieldset', {}, h('legend', {}, 'What you hold'), holdings.credentials.element, holdings.competencies.element,
      presentedField()),
    h('fieldset', {}, h('legend', {}, 'Your goal'),
      h('div', { class: 'radios', role: 'radiogroup', 'aria-label': 'Kind of goal' },
        GOALS.map(([value, text]) => h('label', { class: 'radio' },
          h('input', { type: 'radio', name: 'goalType', value, checked: value === goalType,
            onchange: () => showGoal(value) }), ` ${text}`))),
      Object.values(goalParts)),
    h('fieldset', { class: 'constraints' }, h('legend', {}, 'Constraints'),
      numberField('max-cost', 'maxCost', 'Budget at most (EUR)', params),
      numberField('max-hours', 'maxHours', 'Hours at most', params),
      h('fieldset', { class: 'modes' }, h('legend', {}, 'Modes you can attend (none ticked: any)'),
        MODES.map(([value, text]) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'mode', value, checked: params.getAll('mode').includes(value) }),
          ` ${text}`))),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'creditBearingOnly', value: 'true',
        checked: params.get('creditBearingOnly') === 'true' }), ' Credit-bearing only (ECTS)'),
      h('label', { for: 'k' }, 'How many suggestions'),
      h('select', { id: 'k', name: 'k' }, [3, 5, 10].map((k) => h('option', { value: k,
        selected: String(k) === (params.get('k') ?? '5') }, String(k))))),
    h('button', { type: 'submit', class: 'primary', id: 'suggest' }, 'Suggest what to earn next'));

  // presented credentials live in this page only: submitting with some keeps the page (and them) and puts the
  // rest of the state in the address, as a plain submit would
  form.addEventListener('submit', (event) => {
    if (presented.length === 0) return;
    event.preventDefault();
    const state = new URLSearchParams(new FormData(form));
    window.history.pushState(null, '', `/?${state}`);
    document.body.dataset.ready = 'false';
    main.replaceChildren();
    render(main, state).then(() => { document.body.dataset.ready = 'true'; });
  });

  const results = h('section', { id: 'results', 'aria-live': 'polite', 'aria-labelledby': 'results-title' });
  put(main, 
    h('h1', { id: 'learner-title' }, 'What should I earn next?'),
    h('p', { class: 'lead' }, 'Tell Cairn what you hold and where you want to go; it suggests the credentials that ',
      'get you there, and says why. ', h('a', { href: screenUrl('learner', EXAMPLE) }, 'Try an example learner'), '.'),
    h('div', { class: 'two-columns' }, form, results));

  if (!answer) {
    put(results, h('h2', { id: 'results-title' }, 'Suggestions'),
      h('p', { class: 'muted' }, 'Choose a goal and press "Suggest what to earn next".'));
    return;
  }
  const { list, error } = await answer;
  if (error) {
    put(results, h('h2', { id: 'results-title' }, 'Suggestions'), problem(error));
  } else {
    showSuggestions(results, list);
  }
}

function numberField(id, name, label, params) {
  return h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { id, name, type: 'number', min: '0', step: 'any', inputmode: 'decimal', value: params.get(name) ?? '' }));
}

/** A number from the URL, or the text itself so the API can say what is wrong with it. */
function number(text) {
  if (text === null || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function request(params, goalType) {
  const goal = goalType === 'competencies' ? { type: goalType, ids: params.getAll('goalCompetency') }
    : { type: goalType, id: params.get(goalType) ?? undefined };
  const modes = params.getAll('mode');
  return {
    learner: {
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
    k: number(params.get('k')) ?? 5,
  };
}

function showSuggestions(results, list) {
  const total = list.goal.metTargets + list.goal.unmetTargets;
  const met = list.goal.metTargets;
  const nowPct = percent(met, total);
  put(results, 
    h('h2', { id: 'results-title' }, `Suggestions toward ${list.goal.label}`),
    h('div', { class: 'goal-now' },
      h('p', {}, h('strong', {}, 'Goal reached now: '), `${met} of ${total} goal skills (${nowPct}%)`),
      bar(nowPct, 0, `Now: ${met} of ${total} goal skills`)),
    presentedResults(list.holdings));
  if (list.items.length === 0) {
    put(results, h('p', { class: 'notice', role: 'status' }, list.reason ?? 'No credential fits these constraints.'));
  } else {
    put(results, h('ol', { class: 'suggestions' }, list.items.map((item) => suggestion(item, met, total))));
  }
  const excluded = Object.entries(list.excluded ?? {}).filter(([, n]) => n > 0);
  put(results, h('p', { class: 'muted small' }, `${list.candidates} candidates considered`,
    excluded.length ? `; left out by your constraints: ${excluded.map(([why, n]) => `${n} ${why}`).join(', ')}` : '',
    '.'));
}

function suggestion(item, met, total) {
  const c = item.credential;
  const e = item.explanation;
  const gained = e.covers.length;
  const after = Math.min(total, met + gained);
  const nowPct = percent(met, total);
  const afterPct = percent(after, total);
  const facts = [kindLabel(c.type), c.issuer?.label, modeLabel(c.mode), money(c.cost, c.currency), hours(c.hours),
    c.ects ? `${c.ects} ECTS` : null, c.eqfLevel ? `EQF ${c.eqfLevel}` : null].filter(Boolean);
  const why = [];
  if (e.covers.length) {
    why.push(h('dt', {}, `Newly covers ${e.covers.length} goal skill${e.covers.length === 1 ? '' : 's'}`),
      h('dd', {}, h('ul', { class: 'tags' }, e.covers.map((t) => h('li', {}, t.competency.label,
        h('span', { class: 'tag-note' }, ` ${t.reason}`))))));
  }
  if (e.advances.length) {
    why.push(h('dt', {}, 'Advances'), h('dd', {}, h('ul', {}, e.advances.map((a) => h('li', {},
      `${a.requirementName}: ${a.componentName}`, a.credits ? ` (${a.credits} ECTS)` : '')))));
  }
  if (e.stacksInto.length) {
    why.push(h('dt', {}, 'Stacks into'), h('dd', {}, refLinks(e.stacksInto)));
  }
  if (e.unlocks.length) {
    why.push(h('dt', {}, 'Unlocks'), h('dd', {}, refLinks(e.unlocks)));
  }
  if (e.oneStepAway) {
    const first = [...e.missingPrerequisites.map((r) => r.label), ...e.missingCompetencies.map((r) => r.label)];
    why.push(h('dt', {}, 'Take first'), h('dd', {}, `${listText(first)}; with it, ${money(e.totalCost, e.currency)} and ${hours(e.totalHours)} in all`));
  }
  why.push(h('dt', {}, 'Cost and time'), h('dd', {}, `${money(e.cost, e.currency)}, ${hours(e.hours)}`,
    e.ects ? `, ${e.ects} ECTS` : ''));
  return h('li', { class: 'suggestion' },
    h('h3', {}, h('span', { class: 'rank' }, `${item.rank}.`), ' ',
      h('a', { href: screenUrl('credential', { id: c.id }) }, c.name)),
    h('p', { class: 'facts' }, facts.join(' · ')),
    h('div', { class: 'goal-after' },
      h('p', {}, h('strong', {}, 'After this: '), `${after} of ${total} goal skills (${afterPct}%)`,
        gained ? `, ${gained} more than now` : ', no new goal skills'),
      bar(nowPct, afterPct - nowPct, `After this: ${after} of ${total} goal skills`)),
    h('dl', { class: 'why' }, why),
    h('p', { class: 'muted small' }, `Score ${item.score.toFixed(2)}`));
}

function refLinks(refs) {
  return h('ul', { class: 'inline' }, refs.map((r) => h('li', {}, h('a', { href: screenUrl('credential', { id: r.id }) }, r.label))));
}
