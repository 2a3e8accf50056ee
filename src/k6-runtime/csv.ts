// CSV as RFC 4180 writes it: quoted fields may hold commas, doubled quotes and line breaks.
// Pure (no k6 imports) so it is unit-tested in Node.

/** Rows of fields. A leading BOM, the final line break and blank lines are ignored. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field had quotes, so an empty line with "" is still a row
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRow = (): void => {
    row.push(field);
    if (row.length > 1 || field !== '' || wasQuoted) rows.push(row);
    row = [];
    field = '';
    wasQuoted = false;
  };

  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}
