// Plan screen: the whole path to a goal. The learner's holdings, a goal and limits in; the best plan and its
// alternatives out, side by side, each drawn as a timeline of steps (in terms when hours per week are given) with
// the running cost, hours and progress toward the goal, the stacks it completes and why each step is there. An
// advisor pins or excludes a credential and plans again; all of it lives in the address, so a plan can be
// bookmarked and sent. Prints with the learner's name and the date.

import * as api from './api.js';
import { bar, h, hours, kindLabel, listText, money, put, screenUrl } from './dom.js';
import { goalFieldset, goalTypeOf, keepPresentedOnSubmit, limitFields, number, numberField, requestParts,
  resolveTypedGoal, typedNote }
  from './goal.js';
import { holdingsFields, labelled } from './pickers.js';
import { problem } from './problem.js';
import { GOAL_FIELDS } from './words.js';
import { presented, presentedField, presentedResults } from './presented.js';
import { launchHoldings, sisField, withSisCredentials } from './launch.js';

/** Weeks in a term when the plan is laid out on a calendar: a quarter. */
const TERM_WEEKS = 13;
const OBJECTIVES = [['cost', 'Cheapest'], ['time', 'Fewest hours'], ['value', 'Most value within the limits']];
const STATE = ['credential', 'competency', 'name', 'goalType', 'occupation', 'pathway', 'goalCompetency', 'maxCost',
  'maxHours', 'mode', 'creditBearingOnly', 'objective', 'reach', 'hoursPerWeek', 'alternatives', 'include',
  'exclude', 'destination'];
const EXAMPLE = {
  name: 'Amira', credential: ['sf-spreadsheet-essentials', 'sf-remote-teamwork'],
  competency: ['609a8ac1-9d29-4237-9886-596dbbe7ca8a'],
  goalType: 'occupation', occupation: 'd3edb8f8-3a06-47a0-8fb9-9b212c006aa2', maxCost: 1500,
  mode: ['online', 'blended'], objective: 'cost', reach: 0.8, hoursPerWeek: 10, alternatives: 3,
};

const FIELDS = {
  ...GOAL_FIELDS,
  reach: { id: 'reach', label: 'Share of the essential skills to reach', param: 'reach' },
  hoursPerWeek: { id: 'hours-per-week', label: 'Study hours per week', param: 'hoursPerWeek' },
  alternatives: { id: 'alternatives', label: 'Plans to compare', param: 'alternatives' },
};

export async function render(main, params) {
  const goalType = goalTypeOf(params);
  // what the SIS says a launched learner holds is read first: the plan starts from it
  const fromSis = await launchHoldings(params);
  const answer = params.has('goalType')
    ? api.post('/api/plans', request(params, goalType, fromSis)).then((plans) => ({ plans }), (error) => ({ error }))
    : null;
  const [holdings, goal, pinned, excluded] = await Promise.all([holdingsFields(params), goalFieldset(params, goalType),
    labelled('credentials', params.getAll('include')), labelled('credentials', params.getAll('exclude'))]);

  const form = h('form', { class: 'panel no-print', method: 'get', action: '/', 'aria-labelledby': 'plan-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'plan' }),
    params.getAll('include').map((id) => h('input', { type: 'hidden', name: 'include', value: id })),
    params.getAll('exclude').map((id) => h('input', { type: 'hidden', name: 'exclude', value: id })),
    h('fieldset', {}, h('legend', {}, 'The learner'),
      h('div', { class: 'field' }, h('label', { for: 'learner-name' }, 'Name (for the printout)'),
        h('input', { id: 'learner-name', name: 'name', type: 'text', value: params.get('name') ?? '' })),
      sisField(fromSis), holdings.credentials.element, holdings.competencies.element, presentedField()),
    goal,
    h('fieldset', { class: 'constraints' }, h('legend', {}, 'Limits and pace'), limitFields(params),
      numberField('hours-per-week', 'hoursPerWeek', 'Study hours per week (lays the plan out in terms)', params)),
    h('fieldset', {}, h('legend', {}, 'The plan'),
      h('label', { for: 'objective' }, 'Optimise for'),
      h('select', { id: 'objective', name: 'objective' }, OBJECTIVES.map(([value, text]) =>
        h('option', { value, selected: value === (params.get('objective') ?? 'cost') }, text))),
      numberField('reach', 'reach', 'Share of the essential skills to reach (occupations: 0.8 is job-ready)', params,
        { max: '1', placeholder: '1' }),
      h('label', { for: 'alternatives' }, 'Plans to compare'),
      h('select', { id: 'alternatives', name: 'alternatives' }, [1, 2, 3, 4, 5].map((n) =>
        h('option', { value: n, selected: String(n) === (params.get('alternatives') ?? '3') }, String(n))))),
    h('button', { type: 'submit', class: 'primary', id: 'plan' }, 'Plan the whole path'));
  resolveTypedGoal(form, goal);
  keepPresentedOnSubmit(form, main, presented, render);

  const results = h('section', { id: 'results', 'aria-live': 'polite', 'aria-labelledby': 'plan-results-title' });
  put(main,
    h('h1', { id: 'plan-title' }, 'Plan the whole path'),
    h('p', { class: 'lead no-print' }, 'The ordered set of credentials that reaches a goal, cheapest (or shortest) ',
      'first, with real alternatives beside it. Pin or exclude a credential to plan again. ',
      h('a', { href: screenUrl('plan', EXAMPLE) }, 'Try an example'), '.'),
    h('div', { class: 'plan-layout' }, form, results));

  if (!answer) {
    put(results, h('h2', { id: 'plan-results-title' }, 'Plans'),
      h('p', { class: 'muted' }, 'Choose a goal and press "Plan the whole path".'));
    return;
  }
  const { plans, error } = await answer;
  if (error) {
    put(results, h('h2', { id: 'plan-results-title' }, 'Plans'), problem(error, FIELDS, params));
    return;
  }
  showPlans(results, plans, params, pinned, excluded, main);
}

function request(params, goalType, fromSis) {
  const parts = requestParts(params, goalType, presented);
  parts.learner.credentials = withSisCredentials(parts.learner.credentials, fromSis);
  return {
    ...parts,
    objective: params.get('objective') || undefined,
    reach: goalType === 'pathway' ? undefined : number(params.get('reach')),
    hoursPerWeek: number(params.get('hoursPerWeek')),
    alternatives: number(params.get('alternatives')) ?? 3,
    include: params.getAll('include'),
    exclude: params.getAll('exclude'),
    destination: params.get('destination') || undefined,
  };
}

/** The address of this screen with {@code change} applied to its state. */
function stateWith(params, change) {
  const state = {};
  for (const key of STATE) state[key] = params.getAll(key);
  change(state);
  return screenUrl('plan', state);
}

/** Plans again with a new state: a plain navigation, or in place when credentials are presented (page-only). */
function go(main, url) {
  if (presented.length === 0) {
    window.location.assign(url);
    return;
  }
  window.history.pushState(null, '', url);
  document.body.dataset.ready = 'false';
  main.replaceChildren();
  render(main, new URLSearchParams(url.slice(url.indexOf('?') + 1)))
    .then(() => { document.body.dataset.ready = 'true'; });
}

function showPlans(results, answer, params, pinned, excluded, main) {
  const g = answer.goal;
  const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
  const who = params.get('name') || 'the learner';
  const goalText = g.type === 'pathway'
    ? `${g.label}${g.destination ? ` (destination: ${g.destination.credential?.label ?? g.destination.id})` : ''}`
    : `${g.label}: ${Math.round(100 * g.reach)}% of ${g.total} ${g.type === 'occupation' ? 'essential skills' : 'skills'}`;
  put(results,
    h('div', { class: 'audit-head' }, h('h2', { id: 'plan-results-title' }, `Plan toward ${g.label}`),
      h('button', { type: 'button', class: 'no-print', id: 'print', onclick: () => window.print() }, 'Print')),
    h('p', { class: 'print-head', id: 'print-head' }, `Prepared for ${who} on ${today}. Goal: ${goalText}; `,
      `${g.held} already held, ${g.required} still needed.`),
    typedNote(params, g.label),
    presentedResults(answer.holdings),
    whatIf(params, pinned, excluded, main),
    answer.reason ? h('div', { class: 'notice', role: 'status' }, h('p', {}, answer.reason),
      answer.blockers.length ? h('ul', {}, answer.blockers.map((b) => h('li', {}, b.detail))) : null) : null,
    params.get('hoursPerWeek') ? h('p', { class: 'muted small' }, `At ${params.get('hoursPerWeek')} hours a week; a `,
      `term is ${TERM_WEEKS} weeks.`) : null,
    sideBySide(answer.plans.map((p) => plan(p, answer, params, main))),
    greedy(answer),
    h('p', { class: 'muted small' }, `Answered by the ${answer.answeredBy}`,
      answer.answeredBy === 'solver' ? ` (OR-Tools CP-SAT, ${answer.solver.candidates} candidate credentials, `
        + `${answer.solver.status})` : '', answer.solver.note ? `; ${answer.solver.note}` : '', '.'));
}

/** The plans in as many columns as there are (set through the CSSOM: the page's CSP allows no inline styles). */
function sideBySide(articles) {
  const div = h('div', { class: 'plans' }, articles);
  div.style.setProperty('--plans', String(articles.length));
  return div;
}

/** The pinned and excluded credentials, each with a way to take it back. */
function whatIf(params, pinned, excluded, main) {
  if (!pinned.length && !excluded.length) return null;
  const item = (ref, key, verb) => h('li', {}, `${verb} ${ref.label} `,
    h('button', { type: 'button', class: 'small no-print', 'data-undo': ref.id,
      onclick: () => go(main, stateWith(params, (s) => { s[key] = s[key].filter((id) => id !== ref.id); })) },
    'Undo'));
  return h('div', { class: 'what-if' }, h('h3', {}, 'What-if'),
    h('ul', {}, pinned.map((r) => item(r, 'include', 'Must take')), excluded.map((r) => item(r, 'exclude', 'Without'))));
}

function plan(p, answer, params, main) {
  const t = p.totals;
  const quality = p.optimal ? 'proved optimal'
    : p.source === 'greedy' ? 'step by step (greedy)' : `within ${Math.round(100 * (p.gap ?? 0))}% of the best`;
  const reach = p.reachesGoal ? `reaches the goal${p.destination && p.destination !== answer.goal.destination?.id
    ? ` (${p.destination})` : ''}` : 'does not reach the goal';
  const stacks = p.steps.flatMap((s) => s.completes.map((r) => r.label));
  return h('article', { class: 'plan', 'data-rank': p.rank, 'aria-label': `Plan ${p.rank}` },
    h('h3', {}, `Plan ${p.rank}`, ' ', h('span', { class: `badge ${p.reachesGoal ? 'badge-satisfied' : 'badge-partial'}` },
      reach)),
    h('p', { class: 'plan-totals' }, `${money(t.cost, t.currency)} · ${hours(t.hours)}`, t.ects ? ` · ${t.ects} ECTS` : '',
      t.weeks ? ` · ${t.weeks} weeks (${Math.ceil(t.weeks / TERM_WEEKS)} term${t.weeks > TERM_WEEKS ? 's' : ''})` : '',
      ` · ${t.steps} step${t.steps === 1 ? '' : 's'}; ${quality}`),
    stacks.length ? h('p', { class: 'stacks-done' }, `Completes ${listText(stacks)} by stacking, not bought again.`) : null,
    p.difference ? h('p', { class: 'difference' }, h('strong', {}, 'Differs: '), p.difference.summary.join('; ')) : null,
    p.steps.length === 0 ? h('p', { class: 'muted' }, 'Nothing to take: the goal is already reached.')
      : h('ol', { class: 'timeline' }, p.steps.map((s) => step(s, answer, params, main))));
}

function when(s) {
  if (!s.startWeek) return `Step ${s.position}`;
  const term = Math.ceil(s.startWeek / TERM_WEEKS);
  const weeks = s.endWeek && s.endWeek !== s.startWeek ? `weeks ${s.startWeek}–${s.endWeek}` : `week ${s.startWeek}`;
  return `Term ${term} · ${weeks}`;
}

function step(s, answer, params, main) {
  const c = s.credential;
  const r = s.running;
  const pct = Math.round(100 * r.progress);
  const why = [];
  if (s.covers.length) {
    why.push(h('p', { class: 'covers' }, `Covers ${s.covers.length} goal skill${s.covers.length === 1 ? '' : 's'}: `,
      s.covers.map((t) => t.competency.label).join(', ')));
  }
  if (s.advances.length) {
    why.push(h('p', {}, 'Counts toward ', s.advances.map((a) => `${a.requirementName} (${a.componentName}`
      + `${a.credits ? `, ${a.credits} ECTS` : ''})`).join('; ')));
  }
  if (s.completes.length) {
    why.push(h('p', { class: 'completes' }, `Completes ${listText(s.completes.map((w) => w.label))}: granted, not bought.`));
  } else if (s.stacksInto.length) {
    why.push(h('p', {}, `Stacks into ${listText(s.stacksInto.map((w) => w.label))}.`));
  }
  if (s.needs.length) {
    why.push(h('p', { class: 'needs' }, `Needs step ${listText(s.needs.map(String))} first.`));
  }
  const pinnedNow = params.getAll('include').includes(c.id);
  return h('li', { class: `step${s.granted ? ' step-granted' : ''}`, 'data-credential': c.id },
    h('p', { class: 'when' }, when(s)),
    h('h4', {}, h('a', { href: screenUrl('credential', { id: c.id }) }, c.name),
      s.granted ? h('span', { class: 'badge badge-satisfied' }, 'granted by stacking') : null),
    h('p', { class: 'facts' }, [kindLabel(c.type), c.issuer?.label, s.granted ? 'no cost' : money(s.cost, c.currency),
      hours(s.hours), s.ects ? `${s.ects} ECTS` : null].filter(Boolean).join(' · ')),
    why,
    h('div', { class: 'running' },
      h('p', {}, h('strong', {}, 'So far: '), `${money(r.cost, c.currency)}, ${hours(r.hours)}`,
        r.ects ? `, ${r.ects} ECTS` : '', `; ${pct}% of the goal`, r.goalReached ? ' — goal reached' : ''),
      bar(pct, 0, `So far: ${pct}% of the goal`)),
    s.granted ? null : h('div', { class: 'step-actions no-print' },
      pinnedNow ? null : h('button', { type: 'button', class: 'small pin', 'data-id': c.id,
        onclick: () => go(main, stateWith(params, (st) => { st.include = [...st.include, c.id]; })) }, 'Pin'),
      h('button', { type: 'button', class: 'small exclude', 'data-id': c.id,
        onclick: () => go(main, stateWith(params, (st) => {
          st.include = st.include.filter((id) => id !== c.id);
          st.exclude = [...st.exclude, c.id];
        })) }, 'Exclude')));
}

/** The baseline, for comparison: the best single next step repeated. */
function greedy(answer) {
  const p = answer.greedy;
  const best = answer.plans[0];
  const saved = p.reachesGoal && best.reachesGoal ? p.totals.cost - best.totals.cost : 0;
  return h('details', { class: 'greedy' },
    h('summary', {}, `Step by step instead (the best next credential, repeated): ${money(p.totals.cost, p.totals.currency)}, `,
      `${hours(p.totals.hours)}, ${p.reachesGoal ? 'reaches the goal' : 'does not reach the goal'}`,
      saved > 0.5 ? `; plan 1 saves ${money(saved, p.totals.currency)}` : ''),
    h('ol', {}, p.steps.map((s) => h('li', {}, s.credential.name, s.granted ? ' (granted)' : ''))));
}
