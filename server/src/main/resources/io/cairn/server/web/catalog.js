// Catalog screen: credentials with the API's filters (issuer and taught skill among them), sorted by any column
// (server-side, so the order runs across pages), paged; the sort and filters live in the address.

import * as api from './api.js';
import { h, kindLabel, modeLabel, money, put, screenUrl } from './dom.js';
import { ChoiceField } from './combobox.js';
import { exportLinks } from './export.js';
import { labelled, searchCompetencies } from './pickers.js';
import { problem } from './problem.js';

const PAGE = 20;
const TYPES = ['badge', 'micro-credential', 'certificate', 'nanodegree', 'degree', 'other'];
const MODES = ['online', 'blended', 'in-person'];
const FIELDS = {
  maxCost: { id: 'max-cost', label: 'Cost at most (EUR)', param: 'maxCost' },
  maxHours: { id: 'max-hours', label: 'Hours at most', param: 'maxHours' },
  eqfLevel: { id: 'eqf', label: 'EQF level', param: 'eqfLevel' },
  type: { id: 'type', label: 'Type', param: 'type' },
  mode: { id: 'mode', label: 'Mode', param: 'mode' },
  creditBearing: { id: 'credit-bearing', label: 'Credit-bearing', param: 'creditBearing' },
};
const FILTERS = ['q', 'type', 'issuer', 'creditBearing', 'mode', 'maxCost', 'maxHours', 'eqfLevel', 'teaches', 'sort'];
/** The table's columns: heading, and the API's sort key (numbers start with the largest when first sorted). */
const COLUMNS = [['Credential', 'name'], ['Type', 'type'], ['Issuer', 'issuer'], ['Mode', 'mode'], ['Hours', 'hours'],
  ['ECTS', 'ects'], ['EQF', 'eqf'], ['Cost', 'cost']];

/** Sentence case for a label inside a list of labels ("in person" -> "In person"), so every label reads alike. */
function capital(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

export async function render(main, params) {
  const state = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']));
  const taught = await labelled('competencies', state.teaches ? [state.teaches] : []);
  const skill = new ChoiceField({ id: 'teaches', name: 'teaches', label: 'Teaches the skill', single: true,
    hint: 'Type part of a skill, then choose it.', search: searchCompetencies, initial: taught });
  const issuer = h('select', { id: 'issuer', name: 'issuer' }, h('option', { value: '' }, 'Any issuer'),
    state.issuer ? h('option', { value: state.issuer, selected: true }, state.issuer) : null);
  const choice = (id, name, label, options) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('select', { id, name }, options.map(([value, text]) => h('option', { value, selected: value === state[name] }, text))));
  const number = (id, name, label) => h('div', { class: 'field' }, h('label', { for: id }, label),
    h('input', { id, name, type: 'number', min: '0', step: 'any', value: state[name] }));
  const form = h('form', { class: 'panel filters', method: 'get', action: '/', role: 'search', 'aria-label': 'Filter credentials' },
    h('input', { type: 'hidden', name: 'screen', value: 'catalog' }),
    state.sort ? h('input', { type: 'hidden', name: 'sort', value: state.sort }) : null,
    h('div', { class: 'field' }, h('label', { for: 'q' }, 'Name contains'),
      h('input', { id: 'q', name: 'q', type: 'search', value: state.q })),
    h('div', { class: 'field' }, h('label', { for: 'issuer' }, 'Issuer'), issuer),
    skill.element,
    choice('type', 'type', 'Type', [['', 'Any type'], ...TYPES.map((t) => [t, kindLabel(t)])]),
    choice('mode', 'mode', 'Mode', [['', 'Any mode'], ...MODES.map((m) => [m, capital(modeLabel(m))])]),
    choice('credit-bearing', 'creditBearing', 'Credit-bearing', [['', 'Either'], ['true', 'Yes (ECTS)'], ['false', 'No']]),
    number('max-cost', 'maxCost', 'Cost at most (EUR)'),
    number('max-hours', 'maxHours', 'Hours at most'),
    choice('eqf', 'eqfLevel', 'EQF level', [['', 'Any level'], ...[1, 2, 3, 4, 5, 6, 7, 8].map((l) => [String(l), `EQF ${l}`])]),
    h('button', { type: 'submit', class: 'primary' }, 'Filter'));
  const results = h('section', { id: 'results', 'aria-labelledby': 'catalog-results' });
  put(main, h('h1', {}, 'Catalog'), form, results);
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  try {
    const page = await api.get('/api/credentials', { ...state, limit: PAGE, offset });
    issuer.replaceChildren(h('option', { value: '' }, 'Any issuer'), ...page.issuers.map((i) => h('option',
      { value: i.issuer.id, selected: i.issuer.id === state.issuer }, `${i.issuer.label} (${i.credentials})`)));
    const without = (name) => screenUrl('catalog', { ...state, [name]: '' });
    const issuerName = page.issuers.find((i) => i.issuer.id === state.issuer)?.issuer.label ?? state.issuer;
    put(results, h('h2', { id: 'catalog-results' }, `${page.total} credential${page.total === 1 ? '' : 's'}`),
      state.issuer ? h('p', {}, `From ${issuerName}: `, h('a', { href: without('issuer') }, 'show every issuer')) : null,
      taught.length ? h('p', {}, `Teaching ${taught[0].label}: `, h('a', { href: without('teaches') }, 'show all')) : null,
      page.items.length ? [catalogExport(page), table(page.items, state)]
        : h('p', { class: 'muted', id: 'catalog-empty' }, page.note ?? 'No credential matches these filters.'),
      pager(page, state));
  } catch (e) {
    put(results, h('h2', { id: 'catalog-results' }, 'Credentials'), problem(e, FIELDS, params));
  }
}

function table(items, state) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'catalog', 'data-exported': 'true' },
    h('caption', { class: 'visually-hidden' }, 'Credentials matching the filters'),
    h('thead', {}, h('tr', {}, COLUMNS.map(([title, key]) => heading(title, key, state)))),
    h('tbody', {}, items.map((c) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: screenUrl('credential', { id: c.id }) }, c.name)),
      h('td', {}, kindLabel(c.type)),
      h('td', {}, c.issuer ? h('a', { href: screenUrl('catalog', { ...state, issuer: c.issuer.id }),
        'aria-label': `Only credentials from ${c.issuer.label}` }, c.issuer.label) : '—'),
      h('td', {}, capital(modeLabel(c.mode))),
      h('td', { class: 'num' }, c.hours ? String(Math.round(c.hours)) : '—'),
      h('td', { class: 'num' }, c.ects ? String(c.ects) : '—'),
      h('td', { class: 'num' }, c.eqfLevel ?? '—'),
      h('td', { class: 'num' }, money(c.cost, c.currency)))))));
}

/**
 * A column heading that sorts by it: the first press sorts names A to Z and figures largest first, the next press
 * the other way; aria-sort says the order in force. Sorting starts again at the first page.
 */
function heading(title, key, state) {
  const current = state.sort === key ? 'ascending' : state.sort === `-${key}` ? 'descending' : null;
  const numeric = !['name', 'type', 'issuer', 'mode'].includes(key);
  const next = current === 'ascending' ? `-${key}` : current === 'descending' ? key : numeric ? `-${key}` : key;
  const arrow = current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : '';
  return h('th', { scope: 'col', 'aria-sort': current ?? 'none', 'data-sort': key },
    h('a', { href: screenUrl('catalog', { ...state, sort: next }), class: 'sort',
      title: `Sort by ${title.toLowerCase()}` }, title, h('span', { 'aria-hidden': 'true' }, arrow)));
}

/** This page of the listing, as the CSV and JSON downloads. */
function catalogExport(page) {
  const columns = ['id', 'name', 'type', 'issuer', 'mode', 'hours', 'ects', 'eqfLevel', 'cost', 'currency'];
  return exportLinks('catalog', columns, page.items.map((c) => ({ id: c.id, name: c.name, type: kindLabel(c.type),
    issuer: c.issuer?.label, mode: capital(modeLabel(c.mode)), hours: c.hours, ects: c.ects, eqfLevel: c.eqfLevel,
    cost: c.cost, currency: c.currency })), `this page (${page.offset + 1}–${page.offset + page.items.length} of ${page.total})`);
}

function pager(page, state) {
  const at = (offset) => screenUrl('catalog', { ...state, offset });
  if (page.items.length === 0) {
    // past the last page (an old bookmark, or an offset typed into the address): offer the way back
    if (page.offset === 0 || page.total === 0) return null;
    const last = Math.floor((page.total - 1) / page.limit) * page.limit;
    return h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('a', { href: at(last), rel: 'prev' }, `← Last page (${last + 1}–${page.total} of ${page.total})`));
  }
  if (page.total <= page.limit && page.offset === 0) return null;
  const from = page.offset + 1;
  const to = Math.min(page.total, page.offset + page.items.length);
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? h('a', { href: at(Math.max(0, page.offset - page.limit)), rel: 'prev' }, '← Previous') : null,
    h('span', {}, ` ${from}–${to} of ${page.total} `),
    to < page.total ? h('a', { href: at(page.offset + page.limit), rel: 'next' }, 'Next →') : null);
}
