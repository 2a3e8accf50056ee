// A strict RFC 4180 reader for the tests: proves our CSV parses back to the values we wrote.

/** Parses CSV text into records; throws on anything RFC 4180 does not allow (stray quotes, bare CR). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let index = 0;
  while (index < text.length) {
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error('unterminated quoted field');
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        field += text[index];
        index += 1;
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r' && text[index] !== '\n') {
        if (text[index] === '"') throw new Error(`stray quote at ${index}`);
        field += text[index];
        index += 1;
      }
    }
    const next = text[index];
    if (next === ',') {
      record.push(field);
      field = '';
      index += 1;
    } else if (next === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 2;
    } else if (next === undefined) {
      if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF');
    } else {
      throw new Error(`unexpected ${JSON.stringify(next)} at ${index}`);
    }
  }
  return records;
}
