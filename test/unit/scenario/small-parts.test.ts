import { describe, expect, it } from 'vitest';
import { parseCsvHeader } from '../../../src/core/scenario/csv-header';
import { closestMatch, editDistance } from '../../../src/core/scenario/did-you-mean';
import { LineIndex } from '../../../src/core/scenario/line-index';

describe('closestMatch', () => {
  it.each([
    ['usres', ['users', 'rate'], 'users'],
    ['spawnrate', ['spawnRate', 'rampUp'], 'spawnRate'],
    ['get', ['GET', 'POST'], 'GET'],
    ['p98', ['p95', 'p99', 'median'], 'p95'],
    ['duraton', ['duration'], 'duration'],
    ['max', ['maxUsers', 'rate'], 'maxUsers'],
    ['zzz', ['users', 'rate'], undefined],
    ['x', [], undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(closestMatch(word, candidates)).toBe(expected);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('udration', 'duration')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('parseCsvHeader', () => {
  it.each([
    ['email,password\na,b\n', ['email', 'password']],
    ['\uFEFFemail, password\r\nx,y', ['email', 'password']],
    ['"first, name","say ""hi""",plain\n', ['first, name', 'say "hi"', 'plain']],
    ['single', ['single']],
  ])('reads %j', (text, columns) => {
    expect(parseCsvHeader(text)).toEqual(columns);
  });

  it('has no header in an empty file', () => {
    expect(parseCsvHeader('')).toBeUndefined();
    expect(parseCsvHeader('\n\n')).toBeUndefined();
  });
});

describe('LineIndex', () => {
  const index = new LineIndex('ab\ncd\n\nef');
  it('turns offsets into 1-based positions and back', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(3)).toEqual({ line: 2, column: 1 });
    expect(index.position(7)).toEqual({ line: 4, column: 1 });
    expect(index.offset(2, 2)).toBe(4);
    expect(index.offset(4, 3)).toBe(9);
  });

  it('clamps positions outside the text', () => {
    expect(index.position(-5)).toEqual({ line: 1, column: 1 });
    expect(index.position(999)).toEqual({ line: 4, column: 3 });
    expect(index.offset(99, 99)).toBe(9);
    expect(index.offset(1, 99)).toBe(2);
  });
});
