import { describe, expect, it } from 'vitest';
import { durationInWords, formatDuration, parseDuration } from '../../../src/core/scenario/duration';

describe('parseDuration', () => {
  it.each([
    ['500ms', 0.5],
    ['10s', 10],
    ['5m', 300],
    ['1h', 3600],
    ['1m30s', 90],
    ['1h2m3s', 3723],
    ['1.5s', 1.5],
    [' 2m ', 120],
    ['1m 30s', 90],
  ])('reads %s as %s seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it('refuses a bare number and offers to add a unit', () => {
    const result = parseDuration('30');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('bad-duration');
      expect(result.problem.message).toContain('no unit');
      expect(result.problem.fix).toEqual({ title: 'Add a unit: 30s', replacement: '30s' });
    }
  });

  it.each([
    ['5min', '5m'],
    ['10 seconds', '10s'],
    ['2 hours', '2h'],
    ['250msec', '250ms'],
  ])('turns the words in %s into %s', (text, replacement) => {
    const result = parseDuration(text);
    expect(result.ok ? undefined : result.problem.fix?.replacement).toBe(replacement);
  });

  it.each(['', 'abc', '5x', '-5s', '1:30', 's', '5s5'])('refuses %j', (text) => {
    expect(parseDuration(text).ok).toBe(false);
  });

  it('refuses zero unless allowed', () => {
    expect(parseDuration('0s').ok).toBe(false);
    expect(parseDuration('0s', { allowZero: true })).toEqual({ ok: true, value: 0 });
  });
});

describe('formatDuration and durationInWords', () => {
  it.each([
    [90, '1m30s'],
    [0.5, '500ms'],
    [300, '5m'],
    [3723, '1h2m3s'],
    [0, '0s'],
  ])('formats %s seconds as %s, which reads back', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
    expect(parseDuration(text, { allowZero: true })).toEqual({ ok: true, value: seconds });
  });

  it('says durations in words', () => {
    expect(durationInWords(90)).toBe('1 minute 30 seconds');
    expect(durationInWords(0.5)).toBe('500 milliseconds');
    expect(durationInWords(7200)).toBe('2 hours');
  });
});
