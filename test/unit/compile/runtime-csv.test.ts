import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/k6-runtime/csv';

describe('parseCsv', () => {
  it('reads plain rows and ignores the final line break', () => {
    expect(parseCsv('email,name\na@x,Ann\nb@x,Bob\n')).toEqual([
      ['email', 'name'],
      ['a@x', 'Ann'],
      ['b@x', 'Bob'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"line1\nline2\r\nline3",""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['line1\nline2\r\nline3', ''],
    ]);
  });

  it('keeps empty fields, skips blank lines and a BOM', () => {
    expect(parseCsv('\uFEFFa,b,c\n\n,,\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '', '3'],
    ]);
  });

  it('keeps a row that is one quoted empty field', () => {
    expect(parseCsv('a\n""\n')).toEqual([['a'], ['']]);
  });

  it('treats quotes inside an unquoted field as text', () => {
    expect(parseCsv('a\nit"s\n')).toEqual([['a'], ['it"s']]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
