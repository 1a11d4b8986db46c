// Verifiable credentials a learner presents (Open Badges 3.0 / CLR 2.0, JSON with its proof or a VC-JWT): pasted
// or uploaded, kept in this page's memory only (never in the URL, never stored), sent with each request, and
// shown back as the server judged them: verified (and what each counts as) or refused (and why).

import { h, listText, put } from './dom.js';

/** The credentials presented so far in this page: { value (object or JWT string), label }. */
export const presented = [];

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

function nameOf(credential) {
  const achievement = credential?.credentialSubject?.achievement;
  return credential?.name ?? (Array.isArray(achievement) ? undefined : achievement?.name) ?? 'a credential';
}

function decodeJwtPayload(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
    return json.vc ?? json;
  } catch {
    return undefined;
  }
}

/** A pasted or uploaded text as a presented credential, or { error } saying what to paste instead. */
export function readCredential(raw) {
  const text = raw.trim();
  if (text.startsWith('{')) {
    try {
      const value = JSON.parse(text);
      return { value, label: `${nameOf(value)} (JSON)` };
    } catch (e) {
      return { error: `This is not valid JSON (${e.message}). Paste the whole credential, from { to }.` };
    }
  }
  if (JWT.test(text)) {
    return { value: text, label: `${nameOf(decodeJwtPayload(text))} (JWT)` };
  }
  return { error: 'Paste a credential as JSON (it starts with {) or as a compact JWT (three parts separated by dots).' };
}

/** The field that collects presented credentials; calls onChange after each change. */
export function presentedField(onChange = () => {}) {
  const list = h('ul', { class: 'presented-list', id: 'presented-list' });
  const text = h('textarea', { id: 'presented-text', rows: '3', spellcheck: 'false',
    placeholder: 'Paste an Open Badge 3.0 or CLR credential (JSON) or a VC-JWT' });
  const files = h('input', { id: 'presented-file', type: 'file', multiple: true,
    accept: '.json,.jsonld,.jwt,.txt,application/json,application/ld+json',
    onchange: async (event) => {
      for (const file of event.target.files) add(await file.text(), file.name);
      event.target.value = '';
    } });
  const message = h('p', { class: 'field-error', id: 'presented-error', role: 'alert' });

  const refresh = () => {
    list.replaceChildren();
    presented.forEach((item, i) => put(list, h('li', {},
      h('span', {}, item.label), ' ',
      h('button', { type: 'button', class: 'small', 'aria-label': `Remove ${item.label}`,
        onclick: () => { presented.splice(i, 1); refresh(); onChange(); } }, 'Remove'))));
  };
  const add = (raw, source) => {
    const item = readCredential(raw);
    if (item.error) {
      message.textContent = source ? `${source}: ${item.error}` : item.error;
      return false;
    }
    presented.push(item);
    message.textContent = '';
    refresh();
    onChange();
    return true;
  };
  refresh();
  return h('fieldset', { class: 'presented' }, h('legend', {}, 'Verifiable credentials'),
    h('p', { class: 'hint', id: 'presented-hint' }, 'Open Badges 3.0 or CLR 2.0, as JSON with its proof or as a JWT. ',
      'Cairn checks each one for this request only and never stores it; it counts only if it verifies.'),
    h('label', { for: 'presented-text' }, 'Paste a credential'), text,
    h('button', { type: 'button', id: 'presented-add', onclick: () => { if (add(text.value)) text.value = ''; } },
      'Add credential'),
    h('label', { for: 'presented-file' }, 'Or upload credential files'), files,
    message, list);
}

/** What the server made of the presented credentials, for the results column; nothing when none was presented. */
export function presentedResults(holdings) {
  if (!holdings || (holdings.verified.length === 0 && holdings.refused.length === 0)) return null;
  const label = (index) => presented[index]?.label ?? `credential ${index + 1}`;
  const countsAs = (v) => listText(v.achievements.map((a) => (a.credential
    ? a.credential.label
    : `${a.competencies.length} skill${a.competencies.length === 1 ? '' : 's'} from "${a.name ?? a.id}"`)));
  return h('section', { class: 'presented-results', id: 'presented-results', 'aria-label': 'Presented credentials' },
    h('h3', {}, 'Your presented credentials'),
    h('ul', {},
      holdings.verified.map((v) => h('li', { class: 'verified' }, h('strong', {}, 'Verified: '), label(v.index),
        `, issued by ${v.issuer.name ?? v.issuer.id}; counts as ${countsAs(v) || 'nothing in this catalog'}.`)),
      holdings.refused.map((r) => h('li', { class: 'refused' }, h('strong', {}, 'Refused: '), label(r.index),
        ` (${r.title}): ${r.detail}. It does not count.`))));
}
