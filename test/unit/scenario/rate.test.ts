import { describe, expect, it } from 'vitest';
import { formatRate, parseRate, rateInWords } from '../../../src/core/scenario/rate';

describe('parseRate', () => {
  it.each([
    ['10/s', 10],
    ['600/m', 10],
    ['100/h', 100 / 3600],
    ['0.5/s', 0.5],
    ['10 / s', 10],
  ])('reads %s as %s per second', (text, perSecond) => {
    const result = parseRate(text);
    expect(result.ok && result.value.perSecond).toBeCloseTo(perSecond);
  });

  it('refuses a bare number with a fix that adds /s', () => {
    const result = parseRate('10');
    expect(result.ok ? undefined : result.problem.fix?.replacement).toBe('10/s');
  });

  it.each([
    ['10/sec', '10/s'],
    ['10 per second', '10/s'],
    ['10rps', '10/s'],
    ['600/min', '600/m'],
    ['5 per hour', '5/h'],
  ])('fixes %s to %s', (text, replacement) => {
    const result = parseRate(text);
    expect(result.ok ? undefined : result.problem.fix?.replacement).toBe(replacement);
  });

  it.each(['', 'fast', '10/d', '/s', '-1/s'])('refuses %j', (text) => {
    expect(parseRate(text).ok).toBe(false);
  });

  it('refuses zero unless allowed', () => {
    expect(parseRate('0/s').ok).toBe(false);
    expect(parseRate('0/s', { allowZero: true }).ok).toBe(true);
  });

  it('formats and says rates', () => {
    expect(formatRate(10)).toBe('10/s');
    expect(formatRate(0.5)).toBe('30/m');
    expect(formatRate(1 / 3600)).toBe('1/h');
    const rate = parseRate('600/m');
    if (rate.ok) expect(rateInWords(rate.value, 'users started')).toBe('600 users started per minute (10 per second)');
    const simple = parseRate('10/s');
    if (simple.ok) expect(rateInWords(simple.value, 'users started')).toBe('10 users started per second');
  });
});
