import { describe, expect, it } from 'vitest';
import { formatLoadDescription } from '../../../src/core/scenario/load-description';
import type { LoadModel } from '../../../src/core/scenario/model';
import { BASE, load } from './helpers';

function described(loadText: string): string {
  const model = load(BASE.replace('{ users: 10, duration: 1m }', loadText)).scenario?.groups[0]?.load;
  if (!model) throw new Error('no load model');
  return formatLoadDescription(model);
}

describe('formatLoadDescription', () => {
  it.each([
    ['{ users: 100, spawnRate: 10/s, duration: 5m }', '100 users, ramp 10/s, hold to 5m'],
    ['{ users: 1, duration: 30s }', '1 user for 30s'],
    ['{ users: 50, rampUp: 10s, duration: 1m, rampDown: 5s }', '50 users, ramp 5/s, hold to 1m, ramp down 5s'],
    ['{ users: 10, duration: 1m, rampDown: 20s }', '10 users for 1m, ramp down 20s'],
    ['{ rate: 200/s, duration: 2m, maxUsers: 500 }', '200/s arrivals for 2m, up to 500 users'],
    ['{ rate: 600/m, rampUp: 30s, duration: 2m, maxUsers: 50 }', '10/s arrivals (ramp 30s) for 2m, up to 50 users'],
    ['{ stages: [{ duration: 1m, users: 10 }, { duration: 1m, users: 50 }] }', 'stages 10 users over 1m → 50 users over 1m'],
    ['{ stages: [{ duration: 30s, rate: 5/s }, { duration: 30s, rate: 1/s }], maxUsers: 20 }', 'stages 5/s over 30s → 1/s over 30s, up to 20 users'],
  ])('%s → %s', (loadText, text) => {
    expect(described(loadText)).toBe(text);
  });

  it('describes models built by hand', () => {
    const model: LoadModel = { kind: 'closed', startUsers: 5, stages: [{ durationSeconds: 10, users: 5 }, { durationSeconds: 10, users: 9 }], gracefulStopSeconds: 30 };
    expect(formatLoadDescription(model)).toBe('stages 5 users over 10s → 9 users over 10s');
  });
});
