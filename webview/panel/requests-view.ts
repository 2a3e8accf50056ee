// The per-request table, updated in place every second (rows are kept, only changed cells are written).

import { formatCount, formatMs, formatPercent, formatRate } from '../../src/core/report/format';
import type { LiveFigures, LiveRequestRow } from '../../src/extension/results-panel/messages';
import { el, note } from '../report/dom';

interface Column {
  header: (final: boolean) => string;
  cell: (row: LiveRequestRow) => string;
  numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { header: () => 'Request', cell: (row) => (row.method === '' ? row.name : `${row.method} ${row.name}`), numeric: false },
  { header: () => 'Count', cell: (row) => formatCount(row.count), numeric: true },
  { header: () => 'Failures', cell: (row) => formatCount(row.failures), numeric: true },
  { header: () => 'Error rate', cell: (row) => formatPercent(row.count > 0 ? row.failures / row.count : null), numeric: true },
  { header: (final) => (final ? 'Requests/s' : 'Req/s (last s)'), cell: (row) => formatRate(row.rps), numeric: true },
  { header: (final) => (final ? 'p50' : 'p50 (last s)'), cell: (row) => formatMs(row.p50), numeric: true },
  { header: (final) => (final ? 'p95' : 'p95 (last s)'), cell: (row) => formatMs(row.p95), numeric: true },
  { header: (final) => (final ? 'p99' : 'p99 (last s)'), cell: (row) => formatMs(row.p99), numeric: true },
];

export class RequestsView {
  readonly element: HTMLElement;
  private readonly headers: HTMLElement[];
  private readonly body = el('tbody');
  private readonly caption = el('caption', { className: 'muted' });
  private readonly empty = note('No requests yet.');
  private readonly rows = new Map<string, HTMLElement[]>();

  constructor() {
    this.headers = COLUMNS.map((column) => el('th', { className: column.numeric ? 'num' : '', attributes: { scope: 'col' } }));
    const table = el('table', { className: 'requests-table' }, [this.caption, el('thead', {}, [el('tr', {}, this.headers)]), this.body]);
    this.element = el('section', { className: 'requests', attributes: { 'aria-labelledby': 'requests-heading' } }, [
      el('h2', { attributes: { id: 'requests-heading' } }, ['Requests']),
      this.empty,
      el('div', { className: 'table-wrap', attributes: { tabindex: '0', role: 'region', 'aria-labelledby': 'requests-heading' } }, [table]),
    ]);
  }

  update(figures: LiveFigures | null): void {
    const final = figures?.final === true;
    COLUMNS.forEach((column, index) => setText(this.headers[index], column.header(final)));
    setText(this.caption, final ? 'The whole run.' : 'Counts so far; rates and latencies of the last second.');
    const rows = figures?.perRequest ?? [];
    this.empty.hidden = rows.length > 0;
    const order = rows.map((row) => row.name);
    if (order.join('\n') !== [...this.rows.keys()].join('\n')) this.rebuild(order);
    for (const row of rows) {
      const cells = this.rows.get(row.name);
      if (cells === undefined) continue;
      COLUMNS.forEach((column, index) => setText(cells[index], column.cell(row)));
    }
  }

  private rebuild(names: readonly string[]): void {
    this.rows.clear();
    const elements = names.map((name) => {
      const cells = COLUMNS.map((column, index) => (index === 0 ? el('th', { attributes: { scope: 'row' } }) : el('td', { className: column.numeric ? 'num' : '' })));
      this.rows.set(name, cells);
      return el('tr', {}, cells);
    });
    this.body.replaceChildren(...elements);
  }
}

function setText(element: HTMLElement | undefined, text: string): void {
  if (element !== undefined && element.textContent !== text) element.textContent = text;
}
