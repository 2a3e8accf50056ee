// Incremental CSV reading for a stream that arrives in arbitrary chunks (k6 writing `--out csv` to a pipe).
// A record ends at a line break outside quotes; quoted fields may hold commas, doubled quotes and line breaks.

import { StringDecoder } from 'node:string_decoder';

/** Cuts a byte or text stream into complete CSV records, keeping a partial record until its end arrives. */
export class CsvRecordSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  /** Feeds a chunk and calls `onRecord` for every record it completes (line break removed). */
  push(chunk: Uint8Array | string, onRecord: (record: string) => void): void {
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (text.length === 0) return;
    const buffer = this.pending.length > 0 ? this.pending + text : text;
    let start = 0;
    let searchFrom = 0;
    let quotes = 0;
    // Positions only move forward, so one pass over the quotes keeps this linear in the chunk size.
    let nextQuote = buffer.indexOf('"');
    for (;;) {
      const newline = buffer.indexOf('\n', searchFrom);
      if (newline < 0) break;
      while (nextQuote >= 0 && nextQuote < newline) {
        quotes++;
        nextQuote = buffer.indexOf('"', nextQuote + 1);
      }
      if (quotes % 2 === 1) {
        // The line break is inside a quoted field: the record goes on.
        searchFrom = newline + 1;
        continue;
      }
      const end = newline > start && buffer.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      if (end > start) onRecord(buffer.slice(start, end));
      start = newline + 1;
      searchFrom = start;
      quotes = 0;
    }
    this.pending = start === 0 ? buffer : buffer.slice(start);
  }

  /** Ends the stream: a last record without a line break is still delivered. */
  end(onRecord: (record: string) => void): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    const record = rest.endsWith('\r') ? rest.slice(0, -1) : rest;
    if (record.length > 0) onRecord(record);
  }
}

/** Splits one CSV record into its fields, undoing quoting (RFC 4180). */
export function splitCsvRecord(record: string): string[] {
  if (record.indexOf('"') < 0) return record.split(',');
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (inQuotes) {
      if (ch === '"') {
        if (record[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}
