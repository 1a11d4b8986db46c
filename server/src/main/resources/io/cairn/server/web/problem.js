// Failures as people read them: what went wrong and what to do, never raw JSON or a stack trace.

import { ApiError } from './api.js';
import { h } from './dom.js';

export function problem(error) {
  const api = error instanceof ApiError;
  return h('div', { class: 'problem', role: 'alert' },
    h('h2', {}, api ? error.title : 'This page hit a problem'),
    h('p', {}, api ? sentence(error.detail)
      : `Something went wrong while showing this screen (${error.message}). Reload the page; if it persists, report it.`));
}

/** The API's details start in lower case ("unknown occupation ..."): make them read as a sentence. */
function sentence(text) {
  const t = String(text ?? '').trim();
  if (!t) return 'The request was refused; check what you entered and try again.';
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}
