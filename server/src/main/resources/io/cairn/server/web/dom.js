// Small helpers to build the page from data. Text always goes in as text nodes, never as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** An HTML element: h('p', {class: 'x'}, 'text', otherElement). */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Appends children to an existing element, skipping null, undefined and false as h does. */
export function put(el, ...children) {
  return fill(el, null, children);
}

/** An SVG element, same calling convention as h. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** A link to a screen of this page with the given state; empty values are left out. */
export function screenUrl(screen, state = {}) {
  const query = new URLSearchParams({ screen });
  for (const [key, value] of Object.entries(state)) {
    for (const v of [].concat(value ?? [])) {
      if (v !== '' && v !== null && v !== undefined) query.append(key, String(v));
    }
  }
  return '/?' + query.toString();
}

export function money(amount, currency) {
  if (!amount) return 'free';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: 0 })
      .format(amount);
  } catch {
    return `${Math.round(amount)} ${currency ?? ''}`.trim();
  }
}

export function hours(value) {
  return value ? `${Math.round(value)} h` : 'hours not given';
}

/** What a job-offer figure counts, said once on each screen that shows one. */
export const JOB_OFFERS_MEAN = 'Job offers: the offers in the labor-market data for the occupations that need the '
  + 'skill as essential (an offer for a data analyst asks for every essential skill of a data analyst).';

/** "1,234 job offers", or null when the server has no job-offer figures (unknown is not zero). */
export function jobOffers(count) {
  if (count === null || count === undefined) return null;
  return `${Number(count).toLocaleString('en')} job offer${count === 1 ? '' : 's'}`;
}

export function percent(part, whole) {
  return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** A horizontal bar: a filled part and an optional gain part, with a text alternative. */
export function bar(nowPercent, gainPercent, label) {
  const now = h('span', { class: 'bar-now' });
  now.style.width = `${nowPercent}%`;
  const gain = h('span', { class: 'bar-gain' });
  gain.style.width = `${gainPercent}%`;
  return h('span', { class: 'bar', role: 'img', 'aria-label': label }, now, gain);
}

export function kindLabel(type) {
  return {
    'badge': 'Badge', 'micro-credential': 'Micro-credential', 'certificate': 'Certificate',
    'nanodegree': 'Nanodegree', 'degree': 'Degree', 'other': 'Credential',
  }[type] ?? type;
}

export function modeLabel(mode) {
  return { 'online': 'online', 'blended': 'blended', 'in-person': 'in person', 'unknown': 'mode not given' }[mode]
    ?? mode;
}

/** "a, b and c" */
export function listText(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
