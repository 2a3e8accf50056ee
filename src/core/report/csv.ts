// RFC 4180 CSV: CRLF line ends; a field is quoted when it holds a comma, a quote, CR or LF (quotes doubled),
// which is also what Python's csv module (and so Locust) writes.

export type CsvValue = string | number;

/** One field, quoted only when RFC 4180 requires it. NUL becomes U+FFFD: many CSV readers stop at a NUL byte. */
export function csvField(value: CsvValue): string {
  const text = typeof value === 'number' ? csvNumber(value) : value.replace(/\u0000/g, '\ufffd');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** A number as CSV text: at most two decimals, no trailing zeros, 0 for anything not finite. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Number(value.toFixed(2));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
