// A launch from the LMS (LTI 1.3): what the student information system says the learner passed comes from the launch
// session (/lti/session, named by the launch's cookie and read from the SIS at each request), never from the address,
// so a bookmarked or shared address carries none of it; and the page says where each holding came from.

import * as api from './api.js';
import { h, listText } from './dom.js';
import { problem } from './problem.js';

/**
 * The launch's holdings from the SIS ({ holdings: [{ credential: {id, label}, course }], note }) when the address says
 * the page was opened by a launch (lti=1); none otherwise. An advisor's launch brings no holdings of its own
 * (advisor: true); with member=ID in the address, the holdings are those of that learner of the advisor's course.
 * An ended launch is said, not failed on.
 */
export async function launchHoldings(params) {
  if (!params.has('lti')) return { launched: false, holdings: [], note: null };
  try {
    if (params.has('member')) {
      const chosen = await api.get(`/lti/members/${encodeURIComponent(params.get('member'))}`);
      return { launched: true, holdings: chosen.holdings, note: chosen.sisNote ?? null, member: chosen.member };
    }
    const session = await api.get('/lti/session');
    if (session.role === 'advisor') return { launched: false, advisor: true, holdings: [], note: null };
    return { launched: true, holdings: session.holdings, note: session.sisNote ?? null };
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 401) {
      return { launched: true, holdings: [], note: 'Your launch from the LMS has ended (it lasts 15 minutes), so what '
        + 'the student information system says you hold is not shown; open Cairn from the LMS again.' };
    }
    throw e;
  }
}

/**
 * The learners of the advisor's course, from the LMS (Names and Role Provisioning), each a link to their audit with
 * what the SIS says they passed; filled in once the LMS has answered, or a message saying why it could not be.
 */
export function courseLearners(params) {
  const section = h('section', { class: 'panel no-print course-learners', id: 'course-learners',
    'aria-labelledby': 'course-learners-title' }, h('h2', { id: 'course-learners-title' }, 'Learners in this course'),
  h('p', { class: 'muted', id: 'course-learners-working' }, 'Asking the LMS for the course\'s learners…'));
  api.get('/lti/members').then((roster) => {
    const learners = roster.members.filter((m) => m.learner);
    const link = (m) => {
      const next = new URLSearchParams(params);
      ['member', 'credential', 'competency', 'exception', 'name'].forEach((k) => next.delete(k));
      next.set('member', m.userId);
      next.set('name', m.name || m.userId);
      return '/?' + next.toString();
    };
    section.replaceChildren(section.firstChild,
      h('p', { class: 'muted' }, `${roster.contextTitle || roster.context}, as the LMS lists it now: open a learner's `,
        'audit, with what the student information system says they passed.'),
      learners.length ? h('ul', { class: 'learner-list' }, learners.map((m) => h('li', { 'data-member': m.userId },
        h('a', { href: link(m), 'aria-current': m.userId === params.get('member') ? 'true' : null },
          m.name || m.userId), m.sisId ? null : h('span', { class: 'tag-note' }, ' (no SIS id from the LMS)'))))
        : h('p', { class: 'muted' }, 'The LMS lists no active learner in this course.'));
    section.dataset.ready = 'true';
  }, (e) => {
    section.replaceChildren(section.firstChild, problem(e));
    section.dataset.ready = 'true';
  });
  return section;
}

/** The request's credentials: those declared in the address and those from the SIS, each once. */
export function withSisCredentials(declared, fromSis) {
  return [...new Set([...declared, ...fromSis.holdings.map((held) => held.credential.id)])];
}

function course(held) {
  const c = held.course ?? {};
  return [c.courseCode, c.title].filter(Boolean).join(' ') || c.sourcedId;
}

/** The holdings from the SIS in the "what you hold" part of the form, read-only: they come from the SIS. */
export function sisField(fromSis) {
  if (!fromSis.launched) return null;
  return h('div', { class: 'from-sis', id: 'from-sis' },
    h('p', { class: 'field-label' }, 'From the student information system'),
    fromSis.note ? h('p', { class: 'notice', id: 'sis-note', role: 'status' }, fromSis.note) : null,
    fromSis.holdings.length
      ? h('ul', { class: 'tags' }, fromSis.holdings.map((held) => h('li', { 'data-source': 'sis',
        'data-credential': held.credential.id }, held.credential.label,
        h('span', { class: 'tag-note' }, ` from the SIS: passed ${course(held)}`))))
      : fromSis.note ? null : h('p', { class: 'muted small' }, 'The SIS lists no passed course that counts here.'),
    h('input', { type: 'hidden', name: 'lti', value: '1' }));
}

/**
 * Where each holding of the answer came from: the SIS, declared by the learner (the address), or a presented
 * credential that verified. Nothing when the page was not launched and nothing was presented.
 */
export function holdingSources(fromSis, declared, verified) {
  const sis = new Set(fromSis.holdings.map((held) => held.credential.id));
  const rows = [
    ...fromSis.holdings.map((held) => ({ source: 'sis', label: held.credential.label, note: 'from the SIS',
      detail: `passed ${course(held)}` })),
    ...declared.filter((c) => !sis.has(c.id)).map((c) => ({ source: 'declared', label: c.label,
      note: 'declared by you', detail: 'not checked' })),
    ...verified.map((v) => ({ source: 'presented', label: listText(v.achievements.map((a) => a.credential?.label
      ?? a.name ?? a.id)), note: 'presented, verified', detail: `issued by ${v.issuer.name ?? v.issuer.id}` })),
  ];
  if (!fromSis.launched || rows.length === 0) return null;
  return h('section', { class: 'holding-sources', id: 'holding-sources', 'aria-labelledby': 'holding-sources-title' },
    h('h3', { id: 'holding-sources-title' }, 'Where your holdings come from'),
    h('ul', {}, rows.map((row) => h('li', { 'data-source': row.source }, h('strong', {}, row.label), ' — ',
      h('span', { class: 'source' }, row.note), ` (${row.detail})`))));
}
