import { describe, expect, it } from 'vitest';
import { apportionWholeUnits, applyLoadOverrides } from '../../../src/core/compile/load-overrides';
import { arrivalTimeUnit } from '../../../src/core/compile/executors';
import { closed, open } from './scenario-builder';

describe('apportionWholeUnits', () => {
  it('splits in proportion, sums to the total and gives each part at least one', () => {
    expect(apportionWholeUnits(10, [1])).toEqual([10]);
    expect(apportionWholeUnits(10, [3, 1])).toEqual([7, 3]);
    expect(apportionWholeUnits(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportionWholeUnits(3, [1000, 1, 1])).toEqual([1, 1, 1]);
    expect(apportionWholeUnits(2, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(apportionWholeUnits(5, [0, 0])).toEqual([3, 2]);
    expect(apportionWholeUnits(5, [])).toEqual([]);
  });
});

describe('applyLoadOverrides', () => {
  it('changes nothing without overrides', () => {
    const loads = [closed(5, 10), open(2, 10, 4)];
    expect(applyLoadOverrides(loads)).toEqual(loads);
    expect(applyLoadOverrides(loads, {})).toEqual(loads);
  });

  it('scales a closed ramp to the users override, keeping its shape', () => {
    const load = closed(0, 0, { startUsers: 10, stages: [{ durationSeconds: 5, users: 40 }, { durationSeconds: 5, users: 20 }] });
    expect(applyLoadOverrides([load], { users: 4 })).toEqual([{ ...load, startUsers: 1, stages: [{ durationSeconds: 5, users: 4 }, { durationSeconds: 5, users: 2 }] }]);
  });

  it('caps open groups at their share of the users override', () => {
    const [load] = applyLoadOverrides([open(10, 5, 50, { preAllocatedUsers: 20 })], { users: 5 });
    expect(load).toMatchObject({ maxUsers: 5, preAllocatedUsers: 5, startRate: 10 });
  });

  it('shares the rate override among open groups by peak rate', () => {
    const loads = applyLoadOverrides([open(30, 5, 10, { startRate: 0 }), closed(3, 5), open(10, 5, 10)], { ratePerSecond: 8 });
    expect(loads[0]).toMatchObject({ startRate: 0, stages: [{ ratePerSecond: 6 }] });
    expect(loads[1]).toEqual(closed(3, 5));
    expect(loads[2]).toMatchObject({ startRate: 2, stages: [{ ratePerSecond: 2 }] });
  });

  it('stretches stages in proportion to the duration override', () => {
    const load = closed(0, 0, { stages: [{ durationSeconds: 10, users: 5 }, { durationSeconds: 30, users: 5 }] });
    expect(applyLoadOverrides([load], { durationSeconds: 80 })[0]?.stages).toEqual([
      { durationSeconds: 20, users: 5 },
      { durationSeconds: 60, users: 5 },
    ]);
  });
});

describe('arrivalTimeUnit', () => {
  it('keeps per-second rates and moves fractional ones to minutes or hours', () => {
    expect(arrivalTimeUnit([0, 200])).toEqual({ k6: '1s', seconds: 1 });
    expect(arrivalTimeUnit([200 / 60])).toEqual({ k6: '1m', seconds: 60 });
    expect(arrivalTimeUnit([1 / 3600])).toEqual({ k6: '1h', seconds: 3600 });
    expect(arrivalTimeUnit([Math.PI])).toEqual({ k6: '1h', seconds: 3600 });
  });
});
