import { describe, expect, it } from 'vitest';
import { parseThinkTime, thinkTimeInWords } from '../../../src/core/scenario/think-time';

describe('parseThinkTime', () => {
  it.each([
    ['1s..3s', { minSeconds: 1, maxSeconds: 3 }],
    ['500ms', { minSeconds: 0.5, maxSeconds: 0.5 }],
    ['500ms .. 2s', { minSeconds: 0.5, maxSeconds: 2 }],
    ['0s', { minSeconds: 0, maxSeconds: 0 }],
  ])('reads %s', (text, value) => {
    expect(parseThinkTime(text)).toEqual({ ok: true, value });
  });

  it('adds units to a bare range', () => {
    const result = parseThinkTime('1..3');
    expect(result.ok ? undefined : result.problem.fix?.replacement).toBe('1s..3s');
  });

  it('adds a unit to a bare number', () => {
    const result = parseThinkTime('2');
    expect(result.ok ? undefined : result.problem.fix?.replacement).toBe('2s');
  });

  it('swaps a backwards range', () => {
    const result = parseThinkTime('3s..1s');
    expect(result.ok ? undefined : result.problem.fix?.replacement).toBe('1s..3s');
  });

  it.each(['1s..2s..3s', 'soon', '1s..', '..2s'])('refuses %j', (text) => {
    expect(parseThinkTime(text).ok).toBe(false);
  });

  it('says think times in words', () => {
    expect(thinkTimeInWords({ minSeconds: 1, maxSeconds: 3 })).toBe('a random pause between 1 second and 3 seconds');
    expect(thinkTimeInWords({ minSeconds: 0.5, maxSeconds: 0.5 })).toBe('a pause of 500 milliseconds');
  });
});
