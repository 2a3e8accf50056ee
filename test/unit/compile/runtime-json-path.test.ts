import { describe, expect, it } from 'vitest';
import { parseJsonPath, walkJsonPath } from '../../../src/k6-runtime/json-path';

describe('JSON path', () => {
  it('parses dotted names, indexes and quoted keys', () => {
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath('$.a.b[0].c')).toEqual(['a', 'b', 0, 'c']);
    expect(parseJsonPath(`$['a b']["c'd"][12]`)).toEqual(['a b', "c'd", 12]);
    expect(parseJsonPath(`$['it\\'s']`)).toEqual(["it's"]);
  });

  it('refuses anything outside the subset', () => {
    expect(() => parseJsonPath('a.b')).toThrow(/start with \$/);
    expect(() => parseJsonPath('$..a')).toThrow();
    expect(() => parseJsonPath('$[*]')).toThrow();
    expect(() => parseJsonPath('$.a(1)')).not.toThrow(); // a name may hold any character but . [ ]
  });

  it('walks objects and arrays and reports missing steps', () => {
    const doc = { items: [{ id: 7, tags: null }], 'a b': false };
    expect(walkJsonPath(doc, parseJsonPath('$.items[0].id'))).toEqual({ found: true, value: 7 });
    expect(walkJsonPath(doc, parseJsonPath('$.items[0].tags'))).toEqual({ found: true, value: null });
    expect(walkJsonPath(doc, parseJsonPath("$['a b']"))).toEqual({ found: true, value: false });
    expect(walkJsonPath(doc, parseJsonPath('$.items[1]')).found).toBe(false);
    expect(walkJsonPath(doc, parseJsonPath('$.items.length')).found).toBe(false);
    expect(walkJsonPath(doc, parseJsonPath('$.constructor')).found).toBe(false);
    expect(walkJsonPath('text', parseJsonPath('$.a')).found).toBe(false);
  });
});
