import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, splitCsvRecord } from '../../../src/core/metrics/csv-records';

function splitAll(chunks: (string | Uint8Array)[]): string[] {
  const splitter = new CsvRecordSplitter();
  const records: string[] = [];
  for (const chunk of chunks) splitter.push(chunk, (r) => records.push(r));
  splitter.end((r) => records.push(r));
  return records;
}

describe('CsvRecordSplitter', () => {
  it('cuts records at line breaks, whatever the chunk boundaries', () => {
    const text = 'a,b\nc,d\r\ne,f\n';
    const expected = ['a,b', 'c,d', 'e,f'];
    for (let cut = 0; cut <= text.length; cut++) {
      expect(splitAll([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(expected);
    }
    expect(splitAll(text.split(''))).toEqual(expected);
  });

  it('keeps line breaks and commas inside quoted fields', () => {
    const text = 'x,"name, with comma",1\ny,"two\nlines ""quoted""",2\nz,plain,3';
    const records = splitAll([text.slice(0, 15), text.slice(15, 30), text.slice(30)]);
    expect(records).toEqual(['x,"name, with comma",1', 'y,"two\nlines ""quoted""",2', 'z,plain,3']);
    expect(splitCsvRecord(records[1] ?? '')).toEqual(['y', 'two\nlines "quoted"', '2']);
  });

  it('decodes UTF-8 split across chunks', () => {
    const bytes = new TextEncoder().encode('é,ü\nß,ok\n');
    const records = splitAll([bytes.slice(0, 1), bytes.slice(1, 5), bytes.slice(5)]);
    expect(records).toEqual(['é,ü', 'ß,ok']);
  });

  it('stays linear on long chunks without quotes', () => {
    const line = 'http_req_duration,1795854327495,2.379393,,,true,200,rid=r0&name=get a,\n';
    const chunk = line.repeat(200_000);
    const started = performance.now();
    let count = 0;
    new CsvRecordSplitter().push(chunk, () => count++);
    expect(count).toBe(200_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('splitCsvRecord', () => {
  it('splits plain and quoted fields', () => {
    expect(splitCsvRecord('a,,c')).toEqual(['a', '', 'c']);
    expect(splitCsvRecord('"a,b",c,""')).toEqual(['a,b', 'c', '']);
    expect(splitCsvRecord('checks,1,0.000000,"status is ""201""",,rid=r0,')).toEqual(['checks', '1', '0.000000', 'status is "201"', '', 'rid=r0', '']);
  });
});
