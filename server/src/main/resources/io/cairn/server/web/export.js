// Downloads of a result screen: the rows shown, as CSV (RFC 4180, for a spreadsheet) and as JSON (for a program),
// built in the page from the data on screen; no second request.

import { h } from './dom.js';

/** One CSV field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function field(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text of `rows` (objects) with `columns` as the header, lines ended by CRLF as RFC 4180 asks. */
export function csv(columns, rows) {
  return [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((line) => line.map(field).join(',')).join('\r\n')
    + '\r\n';
}

/** "Download: CSV · JSON" links for `rows` (objects keyed by `columns`), named `name`.csv and `name`.json. */
export function exportLinks(name, columns, rows, label = 'these results') {
  const href = (type, text) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
  const keep = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  return h('p', { class: 'export no-print', 'data-export': name },
    `Download ${label}: `,
    h('a', { href: href('text/csv', csv(columns, keep)), download: `${name}.csv`, class: 'export-csv' }, 'CSV'),
    ' · ',
    h('a', { href: href('application/json', `${JSON.stringify(keep, null, 2)}\n`), download: `${name}.json`,
      class: 'export-json' }, 'JSON'),
    h('span', { class: 'muted' }, ` (${rows.length} row${rows.length === 1 ? '' : 's'})`));
}

/** The rows of a table on screen, keyed by its column headings, as the reader sees them. */
export function tableRows(table) {
  const columns = [...table.querySelectorAll('thead th')].map((th) => th.dataset.column ?? th.textContent.trim());
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries(
    [...tr.children].map((cell, i) => [columns[i], cell.textContent.trim()])));
  return { columns, rows };
}

/** Export links before every table of `root` that has none yet (the screens' result tables). */
export function exportTables(root, name) {
  root.querySelectorAll('table').forEach((table, i) => {
    if (table.closest('[data-exported]') || table.dataset.exported) return;
    table.dataset.exported = 'true';
    const { columns, rows } = tableRows(table);
    const scroll = table.closest('.table-scroll') ?? table;
    scroll.before(exportLinks(i === 0 ? name : `${name}-${i + 1}`, columns, rows, 'this table'));
  });
}
