// Failures as people read them: what went wrong and what to do, never raw JSON or a stack trace. A refusal about one
// field of the screen's form is said in that field's words and shown beside it too.

import { ApiError } from './api.js';
import { h } from './dom.js';
import { fieldWords } from './words.js';

/**
 * @param error what failed
 * @param fields optional: the request fields of this screen's form (see words.js), to name the field in words
 * @param params optional: the address, for what the person typed
 */
export function problem(error, fields = null, params = null) {
  const api = error instanceof ApiError;
  const words = api && error.status === 400 && fields ? fieldWords(error.detail, fields, params) : null;
  if (words) markField(words);
  return h('div', { class: 'problem', role: 'alert' },
    h('h2', {}, words ? 'Check what you entered' : api ? error.title : 'This page hit a problem'),
    h('p', {}, words ? words.text : api ? sentence(error.detail)
      : `Something went wrong while showing this screen (${error.message}). Reload the page; if it persists, report it.`));
}

/** Marks the input as invalid and says why beneath it, so the person sees which box to change. */
function markField({ id, text }) {
  const input = document.getElementById(id);
  if (!input) return;
  const errorId = `${id}-problem`;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
  const box = input.closest('.field, .combobox') ?? input.parentElement;
  box.append(h('p', { class: 'field-error', id: errorId }, text));
}

/** The API's details start in lower case ("unknown occupation ..."): make them read as a sentence. */
function sentence(text) {
  const t = String(text ?? '').trim();
  if (!t) return 'The request was refused; check what you entered and try again.';
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}
