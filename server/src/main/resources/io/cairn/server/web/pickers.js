// The type-ahead fields the screens share: credentials, skills and occupations, searched through the API, and
// the labels of ids that arrive in the URL.

import * as api from './api.js';
import { ChoiceField } from './combobox.js';
import { h, kindLabel } from './dom.js';

const LIMIT = 8;

/** The suggestions of a search page, carrying the API's note (why nothing matched) for the type-ahead to show. */
function withNote(items, page) {
  items.note = page.note;
  return items;
}

export async function searchCredentials(text, signal) {
  const page = await api.get('/api/credentials', { q: text, limit: LIMIT }, signal);
  return withNote(page.items.map((c) => ({ id: c.id, label: c.name,
    hint: `${kindLabel(c.type)}${c.issuer ? `, ${c.issuer.label}` : ''}` })), page);
}

export async function searchCompetencies(text, signal) {
  const page = await api.get('/api/competencies', { q: text, suggest: true, limit: LIMIT }, signal);
  return withNote(page.items.map((c) => ({ id: c.id, label: c.label, hint: c.matchedLabel !== c.label ? c.matchedLabel : null })),
    page);
}

export async function searchOccupations(text, signal) {
  const page = await api.get('/api/occupations', { q: text, suggest: true, limit: LIMIT }, signal);
  return withNote(page.items.map((o) => ({ id: o.id, label: o.label, hint: o.matchedLabel !== o.label ? o.matchedLabel : null })),
    page);
}

const LABEL_OF = {
  credentials: (d) => d.name,
  competencies: (d) => d.label,
  occupations: (d) => d.label,
};

/** The chips for ids from the URL, labelled from the API; an id the catalog does not know keeps its id as label. */
export function labelled(kind, ids) {
  return Promise.all(ids.map(async (id) => {
    try {
      return { id, label: LABEL_OF[kind](await api.get(api.entity(kind, id))) };
    } catch (e) {
      if (e instanceof api.ApiError && e.status === 404) return { id, label: id, unknown: true };
      throw e;
    }
  }));
}

/** The "what you hold" fields: credentials and skills, filled from the URL's credential and competency values. */
export async function holdingsFields(params) {
  const [credentials, competencies] = await Promise.all([
    labelled('credentials', params.getAll('credential')),
    labelled('competencies', params.getAll('competency')),
  ]);
  return {
    credentials: new ChoiceField({
      id: 'held-credentials', name: 'credential', label: 'Credentials you hold',
      hint: 'Type part of a name, then choose with the arrow keys and Enter.', search: searchCredentials,
      initial: credentials,
    }),
    competencies: new ChoiceField({
      id: 'held-competencies', name: 'competency', label: 'Skills you have',
      hint: 'ESCO skills and knowledge, e.g. "python" or "spreadsheets".', search: searchCompetencies,
      initial: competencies,
    }),
  };
}

/** Every pathway, for a select; the sample and real catalogs have few. */
export async function pathways() {
  const page = await api.get('/api/pathways', { limit: 100 });
  return page.items;
}

/**
 * Text typed into a single-choice field but never picked from its list: before the form is sent, take the best match
 * (first of the type-ahead's answers) and say so in the address (`typed`), or, when nothing matches, keep the form and
 * say why in words beside the field. Only while the field's part of the form is enabled (the goal chosen).
 */
export function resolveTypedOnSubmit(form, field, what) {
  const error = h('p', { class: 'field-error', id: `${field.combobox.input.id}-error`, role: 'alert' });
  field.element.append(error);
  form.addEventListener('submit', async (event) => {
    const input = field.combobox.input;
    const text = input.value.trim();
    if (input.closest('fieldset:disabled') || field.values().length > 0 || !text) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    let items;
    try {
      items = await field.combobox.search(text);
    } catch (e) {
      error.textContent = `Could not look up "${text}": ${e.detail ?? e.message}`;
      return;
    }
    if (items.length === 0) {
      error.textContent = `No ${what} matches "${text}". ${items.note ?? ''} Try other words, then pick one from the list.`
        .replace(/\s+/g, ' ').trim();
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      input.focus();
      return;
    }
    field.add(items[0], false);
    form.append(h('input', { type: 'hidden', name: 'typed', value: text }));
    input.value = '';
    form.requestSubmit();
  });
}
