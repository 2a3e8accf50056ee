import { describe, expect, it } from 'vitest';
import { DEMO_TARGET_DEFAULTS, poolCapacityPerSecond, resolveDemoTargetOptions } from '../../../src/demo-target/options';

describe('demo target options', () => {
  it('fills in the defaults, ignoring undefined overrides', () => {
    expect(resolveDemoTargetOptions({ port: 0, poolSize: undefined })).toEqual({ ...DEMO_TARGET_DEFAULTS, port: 0 });
  });

  it('has the capacity its documentation states: 20 connections x 50 ms = 400 requests/s', () => {
    expect(poolCapacityPerSecond(DEMO_TARGET_DEFAULTS)).toBe(400);
    // The burst (1000 users, no think time) is past the point where the queue wait reaches the timeout.
    const usersToReachTimeout = DEMO_TARGET_DEFAULTS.poolSize + (poolCapacityPerSecond(DEMO_TARGET_DEFAULTS) * DEMO_TARGET_DEFAULTS.queueTimeoutMs) / 1000;
    expect(usersToReachTimeout).toBe(820);
    expect(poolCapacityPerSecond({ poolSize: 5, serviceTimeMs: 0 })).toBe(Infinity);
  });

  it('binds to loopback by default', () => {
    expect(DEMO_TARGET_DEFAULTS.host).toBe('127.0.0.1');
  });

  it.each([
    [{ poolSize: 0 }, /poolSize/],
    [{ poolSize: 1.5 }, /poolSize/],
    [{ port: 70000 }, /port/],
    [{ serviceTimeMs: -1 }, /serviceTimeMs/],
    [{ serviceTimeMs: 5, serviceJitterMs: 10 }, /serviceJitterMs/],
    [{ queueTimeoutMs: Number.NaN }, /queueTimeoutMs/],
    [{ loginRatePerSecond: 0 }, /loginRatePerSecond/],
    [{ loginBurstPerUser: 0 }, /login bursts/],
    [{ host: '' }, /host/],
  ])('refuses %j', (overrides, message) => {
    expect(() => resolveDemoTargetOptions(overrides)).toThrow(message);
  });
});
