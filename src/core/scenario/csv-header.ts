// The column names of a CSV file: its first record, with RFC 4180 quoting ("a,b" and "say ""hi""").

/** Column names from the first row, trimmed; undefined when the file has no header row. */
export function parseCsvHeader(text: string): string[] | undefined {
  const columns: string[] = [];
  let field = '';
  let quoted = false;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; position < text.length; position++) {
    const char = text.charAt(position);
    if (quoted) {
      if (char !== '"') field += char;
      else if (text.charAt(position + 1) === '"') {
        field += '"';
        position++;
      } else quoted = false;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      columns.push(field.trim());
      field = '';
    } else if (char === '\n' || char === '\r') {
      break;
    } else {
      field += char;
    }
  }
  columns.push(field.trim());
  return columns.length === 1 && columns[0] === '' ? undefined : columns;
}
