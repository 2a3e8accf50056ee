// Building page elements from run data: text only ever goes in through text nodes, never as markup.

export type Child = Node | string;

export interface ElementOptions {
  className?: string;
  /** Plain attributes (never event handlers). */
  attributes?: Record<string, string>;
}

/** Creates an element with text children as text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className !== undefined) element.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (/^on/i.test(name)) continue;
    element.setAttribute(name, value);
  }
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
  numeric?: boolean;
  /** Extra class for a cell, e.g. "pass" or "fail". */
  cellClass?: (row: Row) => string;
}

/** A table with a header row (left out when every header is empty); cells are set with textContent. */
export function dataTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], caption?: string): HTMLElement {
  const headed = columns.some((column) => column.header !== '');
  const head = el('thead', {}, [el('tr', {}, columns.map((column) => el('th', { className: column.numeric === true ? 'num' : '', attributes: { scope: 'col' } }, [column.header])))]);
  const body = el(
    'tbody',
    {},
    rows.map((row) =>
      el(
        'tr',
        {},
        columns.map((column) => {
          const classes = [column.numeric === true ? 'num' : '', column.cellClass?.(row) ?? ''].filter((name) => name !== '').join(' ');
          const cell = el('td', classes === '' ? {} : { className: classes });
          cell.textContent = column.cell(row);
          return cell;
        }),
      ),
    ),
  );
  const table = el('table', {}, [...(caption === undefined ? [] : [el('caption', { className: 'muted' }, [caption])]), ...(headed ? [head] : []), body]);
  return el('div', { className: 'table-wrap' }, [table]);
}

/** A section with a heading. */
export function section(title: string, children: readonly Child[]): HTMLElement {
  return el('section', {}, [el('h2', {}, [title]), ...children]);
}

/** A paragraph of muted text. */
export function note(text: string): HTMLElement {
  return el('p', { className: 'muted' }, [text]);
}
