// Saving what a screen shows as files, made in the page from the answer it already has: CSV for a spreadsheet
// (RFC 4180: quoted where needed, CRLF line ends, a byte-order mark so spreadsheet programs read UTF-8) and JSON.

import { h } from './dom.js';

function cell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of a header row and data rows (arrays of values). */
export function csv(header, rows) {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A link that downloads {@code text} as a file named {@code name}: a data: address, which the page's
 * Content-Security-Policy allows to download and which needs no clean-up.
 */
export function saveLink(name, type, text, label, id) {
  const bom = type === 'text/csv' ? '\ufeff' : '';
  const href = `data:${type};charset=utf-8,${encodeURIComponent(bom + text)}`;
  return h('a', { href, download: name, class: 'button-link', id }, label);
}
