// Employer screen: a job posting pasted as written (or a list of skill phrases) read as ESCO skills, each shown where
// the posting says it; the occupation its title normalizes to; the credentials that evidence the skills, ranked by how
// much of the posting each covers; and the smallest set of them that covers it. Prints as a summary, saves as CSV/JSON.

import * as api from './api.js';
import { ChoiceField } from './combobox.js';
import { bar, h, hours, JOB_OFFERS_MEAN, jobOffers, money, percent, put, screenUrl } from './dom.js';
import { labelled, searchCompetencies, searchCredentials } from './pickers.js';
import { problem } from './problem.js';
import { csv, saveLink } from './save.js';

/** A real-looking posting the sample's catalog can answer (the sample knows 8 ICT and data occupations). */
const EXAMPLE = {
  title: 'Data Analyst (m/f/d) - Hybrid, Lisbon',
  text: 'Northwind Retail is growing its analytics team. As a Data Analyst you will turn sales and supply data into '
    + 'decisions.\n\nWhat you will do:\n- Collect ICT data from our shop systems and perform data cleansing before '
    + 'analysis\n- Write SQL queries against our warehouse and automate reports in Python\n- Apply statistical '
    + 'analysis techniques and data mining to find trends\n- Build dashboards for business intelligence and report '
    + 'analysis results to managers\n\nWhat you bring:\n- A degree in statistics, economics or a related field\n'
    + '- Experience with data models and data quality assessment\n- Confident use of spreadsheets software\n'
    + '- Fluent English; Portuguese is a plus',
};

/** The request fields of this form, for the API's refusals (see words.js). */
const FIELDS = {
  posting: { id: 'posting-text', label: 'The posting',
    choose: "paste the posting's text, or give its title or a list of skill phrases" },
  title: { id: 'posting-title', label: 'Job title' },
  text: { id: 'posting-text', label: 'The posting' },
  skills: { id: 'posting-skills', label: 'Skill phrases' },
};
const PART = ['title', 'text', 'skills'];
/** Past this, the address would be too long for servers and bookmarks: the posting stays in the page instead. */
const LONGEST_ADDRESS = 6000;
const FOR_OCCUPATION = { essential: 'essential for the occupation', optional: 'optional for the occupation',
  other: 'not listed for the occupation' };

/** The posting in the address: title, text and the skill phrases (one a line). */
function postingOf(params) {
  const skills = (params.get('skills') ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  return { title: params.get('title') ?? '', text: params.get('text') ?? '', skills };
}

export async function render(main, params, kept = false) {
  const asked = PART.some((p) => params.has(p));
  const posting = postingOf(params);
  const learner = { credentials: params.getAll('credential'), competencies: params.getAll('competency') };
  const candidate = learner.credentials.length + learner.competencies.length > 0;
  const answer = asked ? Promise.all([
    api.post('/api/postings/skills', posting),
    api.post('/api/postings/match', { posting, k: Number(params.get('k')) || 10, ...(candidate ? { learner } : {}) }),
  ]).then(([skills, match]) => ({ skills, match }), (error) => ({ error })) : null;

  const [heldCredentials, heldCompetencies] = await Promise.all([labelled('credentials', learner.credentials),
    labelled('competencies', learner.competencies)]);
  const form = postingForm(params, heldCredentials, heldCompetencies);
  keepLongPostingOnSubmit(form, main);
  const results = h('section', { id: 'results', 'aria-live': 'polite', 'aria-labelledby': 'results-title' });
  put(main, h('h1', { id: 'employer-title' }, 'Employer: a job posting read as skills'),
    h('p', { class: 'lead no-print' }, 'Paste a job posting as you wrote it. Cairn finds the ESCO skills it asks for and ',
      'where it says them, the occupation its title stands for, and the credentials that show those skills. ',
      h('a', { href: screenUrl('employer', EXAMPLE), id: 'employer-example' }, 'Try an example posting'), '.'),
    form, results);
  if (!answer) {
    put(results, h('h2', { id: 'results-title' }, 'Skills in the posting'),
      h('p', { class: 'muted' }, 'Paste a posting (or list the skills you need) and press "Read the posting".'));
    return;
  }
  const { skills, match, error } = await answer;
  if (error) {
    put(results, h('h2', { id: 'results-title' }, 'Skills in the posting'), problem(error, FIELDS, params));
    return;
  }
  showAnswer(results, posting, skills, match, candidate, kept);
}

function postingForm(params, heldCredentials, heldCompetencies) {
  const candidateCredentials = new ChoiceField({ id: 'candidate-credentials', name: 'credential',
    label: "The candidate's credentials", search: searchCredentials, initial: heldCredentials,
    hint: 'Optional: see which of the skills a candidate already shows.' });
  const candidateSkills = new ChoiceField({ id: 'candidate-competencies', name: 'competency',
    label: "The candidate's skills", search: searchCompetencies, initial: heldCompetencies });
  return h('form', { class: 'panel posting-form no-print', method: 'get', action: '/', 'aria-labelledby': 'employer-title' },
    h('input', { type: 'hidden', name: 'screen', value: 'employer' }),
    h('fieldset', {}, h('legend', {}, 'The posting'),
      h('div', { class: 'field' }, h('label', { for: 'posting-title' }, 'Job title'),
        h('input', { id: 'posting-title', name: 'title', type: 'text', maxlength: 300, value: params.get('title') ?? '',
          placeholder: 'e.g. Senior Python Developer (m/f/d) - Remote' })),
      h('div', { class: 'field' }, h('label', { for: 'posting-text' }, 'The posting as written'),
        h('textarea', { id: 'posting-text', name: 'text', rows: 9, maxlength: 20000, class: 'prose' },
          params.get('text') ?? '')),
      h('div', { class: 'field' }, h('label', { for: 'posting-skills' }, 'Or the skills you need, one a line'),
        h('span', { class: 'hint', id: 'posting-skills-hint' }, 'e.g. "Python", "stakeholder management"'),
        h('textarea', { id: 'posting-skills', name: 'skills', rows: 3, class: 'prose',
          'aria-describedby': 'posting-skills-hint' }, params.get('skills') ?? ''))),
    h('details', { class: 'candidate', open: params.has('credential') || params.has('competency') },
      h('summary', {}, 'A candidate (optional)'), candidateCredentials.element, candidateSkills.element),
    h('div', { class: 'field' }, h('label', { for: 'k' }, 'Credentials to rank'),
      h('select', { id: 'k', name: 'k' }, [5, 10, 20].map((k) => h('option', { value: k,
        selected: String(k) === (params.get('k') ?? '10') }, String(k))))),
    h('button', { type: 'submit', class: 'primary', id: 'read-posting' }, 'Read the posting'));
}

/**
 * A posting too long for an address (a long text, many non-ASCII letters) is read in this page instead: the address
 * keeps the title and the results say that a bookmark will not bring the text back.
 */
function keepLongPostingOnSubmit(form, main) {
  form.addEventListener('submit', (event) => {
    const state = new URLSearchParams(new FormData(form));
    if (`/?${state}`.length <= LONGEST_ADDRESS) return;
    event.preventDefault();
    const short = new URLSearchParams(state);
    short.delete('text');
    short.delete('skills');
    window.history.pushState(null, '', `/?${short}`);
    document.body.dataset.ready = 'false';
    main.replaceChildren();
    render(main, state, true).then(() => { document.body.dataset.ready = 'true'; });
  });
}

function showAnswer(results, posting, found, match, candidate, kept) {
  const wanted = new Map(match.skills.map((s) => [s.id, s]));
  const skills = found.skills.map((s) => ({ ...s, wanted: wanted.get(s.id) }));
  const taughtBy = new Map();
  match.coveringSet.credentials.forEach((c) => c.covers.forEach((r) => taughtBy.set(r.id, c.credential)));
  const uncovered = new Set(match.coveringSet.uncovered.map((r) => r.id));
  const set = match.coveringSet;
  const setCost = set.credentials.reduce((sum, c) => sum + (c.cost || 0), 0);
  const setHours = set.credentials.reduce((sum, c) => sum + (c.hours || 0), 0);
  const essential = skills.filter((s) => s.forOccupation === 'essential').length;
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  put(results,
    h('h2', { id: 'results-title' }, posting.title ? `Skills in "${posting.title}"` : 'Skills in the posting'),
    h('p', { class: 'print-head', id: 'print-head' }, `Read by Cairn on ${today}, against the catalog's credentials.`),
    kept ? h('p', { class: 'notice', id: 'kept-note' }, 'This posting is too long to keep in the page\'s address: a ',
      'bookmark brings back its title only. Save it as JSON below to keep it.') : null,
    h('dl', { class: 'facts-grid', id: 'employer-summary' },
      h('dt', {}, 'Occupation'), h('dd', { id: 'posting-occupation' }, occupation(found.occupation, posting)),
      h('dt', {}, 'Skills found'), h('dd', {}, `${skills.length}`,
        found.occupation ? ` (${essential} essential for ${found.occupation.label})` : ''),
      h('dt', {}, 'Taught in the catalog'), h('dd', {}, `${skills.length - uncovered.size} of ${skills.length}`),
      h('dt', {}, 'Smallest covering set'), h('dd', {}, set.credentials.length
        ? `${set.credentials.length} credential${set.credentials.length === 1 ? '' : 's'}, ${money(setCost, set.credentials[0].currency)}, ${hours(setHours)}`
        : 'none')),
    h('p', { class: 'actions no-print' },
      h('button', { type: 'button', id: 'print-summary', onclick: () => window.print() }, 'Print the summary'), ' ',
      saveLink('posting-credentials.csv', 'text/csv', credentialsCsv(match), 'Save credentials (CSV)', 'save-csv'), ' ',
      saveLink('posting-skills.csv', 'text/csv', skillsCsv(skills, taughtBy, uncovered), 'Save skills (CSV)',
        'save-skills-csv'), ' ',
      saveLink('posting.json', 'application/json', JSON.stringify({ posting, skills: found, match }, null, 2),
        'Save everything (JSON)', 'save-json')));
  if (skills.length === 0) {
    put(results, h('p', { class: 'notice', id: 'no-skills' }, 'Cairn found no ESCO skill named in this posting. ',
      'It reads skills by their ESCO labels ("SQL", "perform data cleansing"); list the skills you need one a line ',
      'if the text says them in other words.'));
    return;
  }
  put(results, evidenceSection(posting, skills),
    skillTable(skills, taughtBy, uncovered, candidate),
    coveringSection(set, setCost, setHours),
    rankedSection(match.credentials));
}

function occupation(o, posting) {
  if (!o) {
    return posting.title ? 'none: the title matches no occupation Cairn knows' : 'none: no title given';
  }
  const how = o.nearestTitle ? `the title reads like the vacancy title "${o.nearestTitle}"`
    : o.matchedLabel && o.matchedLabel !== o.label ? `the title matches its ESCO name "${o.matchedLabel}"` : null;
  return [h('a', { href: screenUrl('designer', { occupation: o.id }) }, o.label), how ? h('span', { class: 'muted small' },
    ` (${how})`) : null];
}

/** The posting with each skill's evidence marked: where it says the skill. */
function evidenceSection(posting, skills) {
  const spans = { title: [], text: [] };
  const phrases = posting.skills.map(() => []);
  for (const s of skills) {
    for (const e of s.evidence) {
      const phrase = /^skills\[(\d+)\]$/.exec(e.field);
      const list = phrase ? phrases[Number(phrase[1])] : spans[e.field];
      list?.push({ ...e, skill: s });
    }
  }
  return h('section', { id: 'posting-evidence', 'aria-labelledby': 'evidence-title' },
    h('h3', { id: 'evidence-title' }, 'Where the posting says them'),
    h('p', { class: 'muted small no-print' }, 'Each marked passage names an ESCO skill; darker marks are skills the ',
      'occupation counts as essential. Hover or focus a mark to see which skill.'),
    h('div', { class: 'posting-read' },
      posting.title ? h('p', { class: 'posting-title' }, marked(posting.title, spans.title)) : null,
      posting.text ? h('div', { class: 'posting-body' }, marked(posting.text, spans.text)) : null,
      posting.skills.length ? h('ul', { class: 'posting-phrases' }, posting.skills.map((p, i) =>
        h('li', {}, marked(p, phrases[i])))) : null));
}

/** The text as nodes, the evidence spans (UTF-16 offsets, as JavaScript counts) as marks; overlaps keep the first. */
function marked(text, spans) {
  const nodes = [];
  let at = 0;
  for (const e of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (e.start < at || e.end > text.length) continue;
    nodes.push(text.slice(at, e.start));
    nodes.push(h('mark', { class: e.skill.forOccupation === 'essential' ? 'evidence essential' : 'evidence',
      'data-competency': e.skill.id, title: `${e.skill.label} (${FOR_OCCUPATION[e.skill.forOccupation] ?? 'ESCO skill'})`,
      tabindex: 0 }, text.slice(e.start, e.end)));
    at = e.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

function skillTable(skills, taughtBy, uncovered, candidate) {
  const demand = skills.some((s) => s.jobOffers !== null && s.jobOffers !== undefined);
  return h('section', { id: 'posting-skills-found', 'aria-labelledby': 'skills-title' },
    h('h3', { id: 'skills-title' }, `The ${skills.length} skill${skills.length === 1 ? '' : 's'} it asks for`),
    demand ? h('p', { class: 'muted small', id: 'job-offers-note' }, JOB_OFFERS_MEAN) : null,
    h('div', { class: 'table-scroll' }, h('table', { class: 'posting-skills' },
      h('caption', {}, 'Skills the posting names, the occupation\'s essential ones first, and who teaches each'),
      h('thead', {}, h('tr', {}, ['Skill', 'For the occupation', 'Said as', demand ? 'Job offers' : null,
        'In the covering set', candidate ? 'The candidate' : null].filter(Boolean)
        .map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, skills.map((s) => h('tr', { 'data-competency': s.id, class: uncovered.has(s.id) ? 'gap' : '' },
        h('th', { scope: 'row' }, h('a', { href: screenUrl('catalog', { teaches: s.id }),
          title: `Credentials that teach ${s.label}` }, s.label)),
        h('td', {}, FOR_OCCUPATION[s.forOccupation] ?? s.forOccupation ?? ''),
        h('td', { class: 'small' }, [...new Set(s.evidence.map((e) => `"${e.text}"`))].join(', ')),
        demand ? h('td', { class: 'num job-offers' }, jobOffers(s.jobOffers)) : null,
        h('td', {}, uncovered.has(s.id) ? h('span', { class: 'untaught' }, 'no credential teaches it')
          : taughtBy.has(s.id) ? h('a', { href: screenUrl('credential', { id: taughtBy.get(s.id).id }) },
            taughtBy.get(s.id).label) : candidate && s.wanted?.held ? 'not needed: already shown' : ''),
        candidate ? h('td', {}, s.wanted?.held ? h('span', { class: 'badge badge-satisfied' }, 'shows it')
          : h('span', { class: 'badge badge-missing' }, 'missing')) : null))))));
}

function coveringSection(set, cost, totalHours) {
  return h('section', { id: 'covering-set', 'aria-labelledby': 'covering-title' },
    h('h3', { id: 'covering-title' }, 'The smallest set of credentials that covers it'),
    set.credentials.length === 0 ? h('p', {}, 'No credential in the catalog teaches any of these skills.')
      : [h('p', { class: 'muted small' }, 'Chosen one at a time: each adds the most of the posting not yet covered ',
        '(essential skills weigh double); ties go to the cheaper and shorter.'),
      h('ol', { class: 'covering' }, set.credentials.map((c) => h('li', { 'data-credential': c.credential.id },
        h('a', { href: screenUrl('credential', { id: c.credential.id }) }, c.credential.label),
        h('span', { class: 'muted' }, ` · ${money(c.cost, c.currency)} · ${hours(c.hours)}`),
        h('div', { class: 'small' }, `adds ${c.covers.map((r) => r.label).join(', ')}`)))),
      h('p', { class: 'plan-totals' }, `Together: ${money(cost, set.credentials[0].currency)}, ${hours(totalHours)}, `,
        `${Math.round(100 * set.share)}% of the posting's weight`, set.uncovered.length ? '' : ' (all of it)', '.')],
    set.uncovered.length ? h('p', { id: 'uncovered' }, h('strong', {}, 'Taught by no credential in the catalog: '),
      set.uncovered.map((r) => r.label).join(', '), '.') : null);
}

function rankedSection(credentials) {
  return h('section', { id: 'ranked', 'aria-labelledby': 'ranked-title' },
    h('h3', { id: 'ranked-title' }, 'Credentials that show these skills, by how much of the posting each covers'),
    h('p', { class: 'muted small' }, 'Share: the part of the posting a credential covers, each skill weighing 2 when ',
      'the occupation counts it essential and 1 otherwise, times one plus the demand for it.'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'ranked' },
      h('caption', { class: 'visually-hidden' }, 'Credentials ranked by the share of the posting they cover'),
      h('thead', {}, h('tr', {}, ['#', 'Credential', 'Essential skills', 'Share of the posting', 'Cost', 'Hours',
        'Skills it shows'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, credentials.map((c, i) => h('tr', { 'data-credential': c.credential.id },
        h('td', { class: 'num' }, String(i + 1)),
        h('th', { scope: 'row' }, h('a', { href: screenUrl('credential', { id: c.credential.id }) }, c.credential.label)),
        h('td', { class: 'num' }, String(c.essential)),
        h('td', {}, h('div', { class: 'bar-cell' }, bar(percent(c.share, 1), 0, `${percent(c.share, 1)}% of the posting`),
          h('span', { class: 'count' }, `${percent(c.share, 1)}%`))),
        h('td', { class: 'num' }, money(c.cost, c.currency)),
        h('td', { class: 'num' }, hours(c.hours)),
        h('td', { class: 'small' }, c.covers.map((r) => r.label).join(', '))))))));
}

function credentialsCsv(match) {
  const inSet = new Set(match.coveringSet.credentials.map((c) => c.credential.id));
  return csv(['rank', 'credential', 'id', 'essential_skills', 'share', 'cost', 'currency', 'hours', 'in_covering_set',
    'skills'], match.credentials.map((c, i) => [i + 1, c.credential.label, c.credential.id, c.essential, c.share,
    c.cost, c.currency, c.hours, inSet.has(c.credential.id), c.covers.map((r) => r.label).join('; ')]));
}

function skillsCsv(skills, taughtBy, uncovered) {
  return csv(['skill', 'id', 'for_occupation', 'said_as', 'job_offers', 'covered_by'], skills.map((s) => [s.label, s.id,
    s.forOccupation, s.evidence.map((e) => e.text).join('; '), s.jobOffers,
    uncovered.has(s.id) ? '' : taughtBy.get(s.id)?.label ?? '']));
}
