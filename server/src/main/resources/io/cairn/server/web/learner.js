// Learner screen: "what should I earn next?" Holdings, a goal and constraints in; ranked, explained suggestions
// out, with how far the goal is reached now and after each suggestion.

import * as api from './api.js';
import { bar, h, hours, JOB_OFFERS_MEAN, jobOffers, kindLabel, listText, modeLabel, money, percent, put,
  screenUrl } from './dom.js';
import { goalFieldset, goalTypeOf, keepPresentedOnSubmit, limitFields, number, requestParts, resolveTypedGoal,
  typedNote } from './goal.js';
import { holdingsFields } from './pickers.js';
import { exportLinks } from './export.js';
import { problem } from './problem.js';
import { GOAL_FIELDS } from './words.js';
import { presented, presentedField, presentedResults } from './presented.js';
import { holdingSources, launchHoldings, sisField, withSisCredentials } from './launch.js';

const EXAMPLE = {
  credential: ['sf-spreadsheet-essentials', 'sf-remote-teamwork'],
  competency: ['609a8ac1-9d29-4237-9886-596dbbe7ca8a'],
  goalType: 'occupation', occupation: 'd3edb8f8-3a06-47a0-8fb9-9b212c006aa2',
  maxCost: 1500, maxHours: 300, mode: ['online', 'blended'],
};

const FIELDS = { ...GOAL_FIELDS, k: { id: 'k', label: 'How many suggestions', param: 'k' } };

export async function render(main, params) {
  const goalType = goalTypeOf(params);
  // what the SIS says a launched learner holds is read first: the question needs it
  const fromSis = await launchHoldings(params);
  // asked at once, beside the label look-ups below, so the answer is not kept waiting for them; in the full form,
  // since the screen shows each explanation's skill names, reasons and job offers
  const answer = params.has('goalType')
    ? api.post('/api/recommendations?explain=full', request(params, goalType, fromSis)).then((list) => ({ list }),
      (error) => ({ error }))
    : null;
  const [holdings, goal] = await Promise.all([holdingsFields(params), goalFieldset(params, goalType)]);

  const form = h('form', { class: 'panel', method: 'get', action: '/', 'aria-labelledby': 'learner-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'learner' }),
    h('fieldset', {}, h('legend', {}, 'What you hold'), sisField(fromSis), holdings.credentials.element,
      holdings.competencies.element, presentedField()),
    goal,
    h('fieldset', { class: 'constraints' }, h('legend', {}, 'Constraints'),
      limitFields(params),
      h('label', { for: 'k' }, 'How many suggestions'),
      h('select', { id: 'k', name: 'k' }, [3, 5, 10].map((k) => h('option', { value: k,
        selected: String(k) === (params.get('k') ?? '5') }, String(k))))),
    h('button', { type: 'submit', class: 'primary', id: 'suggest' }, 'Suggest what to earn next'));
  resolveTypedGoal(form, goal);
  keepPresentedOnSubmit(form, main, presented, render);

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
    put(results, h('h2', { id: 'results-title' }, 'Suggestions'), problem(error, FIELDS, params));
  } else {
    const declared = [...holdings.credentials.chips.querySelectorAll('li.chip')]
      .map((li) => ({ id: li.querySelector('input').value, label: li.querySelector('span').textContent }));
    showSuggestions(results, list, params, holdingSources(fromSis, declared, list.holdings?.verified ?? []));
  }
}

function request(params, goalType, fromSis) {
  const parts = requestParts(params, goalType, presented);
  parts.learner.credentials = withSisCredentials(parts.learner.credentials, fromSis);
  return { ...parts, k: number(params.get('k')) ?? 5 };
}

/** The plan screen with this screen's learner, goal and limits. */
function planUrl(params) {
  const state = {};
  // a launch's lti=1 (and an advisor's member=ID) go along: the plan screen reads the same SIS holdings
  for (const key of ['credential', 'competency', 'goalType', 'occupation', 'pathway', 'goalCompetency', 'maxCost',
    'maxHours', 'mode', 'creditBearingOnly', 'lti', 'member']) {
    state[key] = params.getAll(key);
  }
  return screenUrl('plan', state);
}

function showSuggestions(results, list, params, sources) {
  const total = list.goal.goalSkills;
  const met = list.goal.metTargets;
  const nowPct = percent(met, total);
  put(results, 
    h('h2', { id: 'results-title' }, `Suggestions toward ${list.goal.label}`),
    typedNote(params, list.goal.label),
    h('div', { class: 'goal-now' },
      h('p', {}, h('strong', {}, 'Goal reached now: '), `${met} of ${total} goal skills (${nowPct}%)`),
      bar(nowPct, 0, `Now: ${met} of ${total} goal skills`),
      list.goal.type === 'pathway' ? h('p', { class: 'muted small', id: 'goal-skills-definition' },
        "A pathway's goal skills are the skills its requirements name and those the credentials they name teach; ",
        h('a', { href: screenUrl('designer', { pathway: list.goal.id }) }, 'the Curriculum screen'),
        ' counts the same ones as "required by the pathway".') : null),
    sources, presentedResults(list.holdings),
    h('p', { class: 'plan-cta' }, h('a', { href: planUrl(params), id: 'plan-whole-path', class: 'button-link' },
      'Plan the whole path'), ' — the ordered set of credentials that reaches the goal, with its cost and time.'));
  if (list.items.length === 0) {
    put(results, h('p', { class: 'notice', role: 'status' }, list.reason ?? 'No credential fits these constraints.'));
  } else {
    put(results, suggestionsExport(list),
      h('p', { class: 'muted small', id: 'after-note' }, '"After this" counts each suggestion after the ',
      'ones above it, as if you took them in this order: the bars add up.'),
    list.items.some((i) => i.explanation.covers.some((t) => t.jobOffers !== undefined))
      ? h('p', { class: 'muted small', id: 'job-offers-note' }, JOB_OFFERS_MEAN) : null,
    h('ol', { class: 'suggestions' }, cumulative(list.items, met).map(({ item, before, after }) =>
      suggestion(item, before, after, total, partOf(item, list.items), list.items[0].score))));
  }
  const excluded = Object.entries(list.excluded ?? {}).filter(([, n]) => n > 0);
  put(results, h('p', { class: 'muted small', id: 'candidates' }, `${list.candidates} credentials considered`,
    excluded.length ? `; left out by your limits: ${listText(excluded.map(([why, n]) => `${n} ${leftOut(why)}`))}`
      : '', '.'));
}

/** Why the API left candidates out ("over maxCost", "mode blended not allowed"), in the words of the form. */
export function leftOut(why) {
  const mode = /^mode (.+) not allowed$/.exec(why);
  if (mode) return `taught ${modeLabel(mode[1])}, a mode you did not tick`;
  const prerequisite = /^prerequisite (.+)$/.exec(why);
  if (prerequisite) return `needing a prerequisite that is itself ${leftOut(prerequisite[1])}`;
  return {
    'over maxCost': 'over your budget',
    'over maxHours': 'over your hours limit',
    'workload unknown': 'with no hours given, so not shown to fit your hours limit',
    'cost unknown': 'with no price given, so not shown to fit your budget',
    'not credit-bearing': 'without ECTS credits',
    'above maxEqfLevel': 'above the EQF level you set',
    'prerequisites more than one step away': 'needing more than one other credential first',
  }[why] ?? why;
}

/** The ranking score with its scale: against the top suggestion, and what it weighs. */
function score(value, top) {
  const share = top > 0 ? Math.round((100 * value) / top) : 100;
  return h('p', { class: 'muted small score' }, `Ranking score ${value.toFixed(2)}: ${share}% of the top `,
    "suggestion's. It weighs the goal skills a credential teaches, less what the suggestions above it already ",
    'teach; it has no fixed maximum and compares suggestions within this list only.');
}

/**
 * Each suggestion with the goal skills met before it and after it, counted after the ones above it: a skill an
 * earlier suggestion already covers is not counted again.
 */
function cumulative(items, met) {
  const covered = new Set();
  return items.map((item) => {
    const before = met + covered.size;
    item.explanation.covers.forEach((t) => covered.add(t.competency.id));
    return { item, before, after: met + covered.size };
  });
}

/** The other suggestions this one is a part of (it stacks into them). */
function partOf(item, items) {
  const wholes = new Set(item.explanation.stacksInto.map((r) => r.id));
  return items.filter((other) => other !== item && wholes.has(other.credential.id));
}

function suggestion(item, met, afterAll, total, wholes, top) {
  const c = item.credential;
  const e = item.explanation;
  const after = Math.min(total, afterAll);
  const gained = after - met;
  const nowPct = percent(met, total);
  const afterPct = percent(after, total);
  const facts = [kindLabel(c.type), c.issuer?.label, modeLabel(c.mode), money(c.cost, c.currency), hours(c.hours),
    c.ects ? `${c.ects} ECTS` : null, c.eqfLevel ? `EQF ${c.eqfLevel}` : null].filter(Boolean);
  const why = [];
  if (e.covers.length) {
    why.push(h('dt', {}, `Newly covers ${e.covers.length} goal skill${e.covers.length === 1 ? '' : 's'}`),
      h('dd', {}, h('ul', { class: 'tags' }, e.covers.map((t) => h('li', { 'data-competency': t.competency.id }, t.competency.label,
        h('span', { class: 'tag-note' }, ` ${t.reason}`, t.jobOffers !== undefined
          ? h('span', { class: 'job-offers' }, ` · ${jobOffers(t.jobOffers)}`) : null))))));
    const most = Math.max(...e.covers.map((t) => t.jobOffers ?? -1));
    if (most >= 0) {
      why.push(h('dt', {}, 'Demand'), h('dd', { class: 'demand' }, `${jobOffers(most)} for its most asked-for new skill`));
    }
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
    // each named thing links where it can be found: a credential to its page, a skill to the credentials teaching it
    const first = [
      ...e.missingPrerequisites.map((r) => h('a', { class: 'take-first', href: screenUrl('credential', { id: r.id }) },
        r.label)),
      ...e.missingCompetencies.map((r) => h('a', { class: 'take-first', href: screenUrl('catalog', { teaches: r.id }),
        title: `Credentials that teach ${r.label}` }, r.label))];
    why.push(h('dt', {}, 'Take first'), h('dd', {}, first.flatMap((a, i) =>
      [i === 0 ? '' : i === first.length - 1 ? ' and ' : ', ', a]),
    `; with it, ${money(e.totalCost, e.currency)} and ${hours(e.totalHours)} in all`));
  }
  why.push(h('dt', {}, 'Cost and time'), h('dd', {}, `${money(e.cost, e.currency)}, ${hours(e.hours)}`,
    e.ects ? `, ${e.ects} ECTS` : ''));
  return h('li', { class: 'suggestion' },
    h('h3', {}, h('span', { class: 'rank' }, `${item.rank}.`), ' ',
      h('a', { href: screenUrl('credential', { id: c.id }) }, c.name)),
    h('p', { class: 'facts' }, facts.join(' · ')),
    wholes.length ? h('p', { class: 'part-of' }, `Part of suggestion ${wholes.map((w) => `${w.rank} (${w.credential.name})`)
      .join(', ')}: taking that one includes this.`) : null,
    h('div', { class: 'goal-after' },
      h('p', {}, h('strong', {}, 'After this: '), `${after} of ${total} goal skills (${afterPct}%)`,
        gained ? `, ${gained} more than before it` : ', no new goal skills beyond those above'),
      bar(nowPct, afterPct - nowPct, `After this: ${after} of ${total} goal skills`)),
    h('dl', { class: 'why' }, why),
    score(item.score, top));
}

function refLinks(refs) {
  return h('ul', { class: 'inline' }, refs.map((r) => h('li', {}, h('a', { href: screenUrl('credential', { id: r.id }) }, r.label))));
}

/** The suggestions as rows for the CSV and JSON downloads: what the list shows of each, in its order. */
function suggestionsExport(list) {
  const columns = ['rank', 'id', 'name', 'type', 'issuer', 'cost', 'currency', 'hours', 'ects', 'eqfLevel', 'score',
    'newlyCovers'];
  return exportLinks('suggestions', columns, list.items.map((item) => ({
    rank: item.rank, id: item.credential.id, name: item.credential.name, type: kindLabel(item.credential.type),
    issuer: item.credential.issuer?.label, cost: item.credential.cost, currency: item.credential.currency,
    hours: item.credential.hours, ects: item.credential.ects, eqfLevel: item.credential.eqfLevel,
    score: Number(item.score.toFixed(2)), newlyCovers: item.explanation.covers.map((t) => t.competency.label).join('; '),
  })), 'the suggestions');
}
