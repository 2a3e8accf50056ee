import { describe, expect, it } from 'vitest';
import { EXECUTION_PLANES, PlatformState, parseDeploymentInput } from '../../../src/demo-target/platform-state';

const newState = (limits: Partial<{ pendingChanges: number; maxStoredRecords: number }> = {}): PlatformState =>
  new PlatformState({ pendingChanges: 5, maxStoredRecords: 100, ...limits }, () => Date.UTC(2026, 0, 22));

describe('parseDeploymentInput', () => {
  it('accepts app, version and a known ring', () => {
    expect(parseDeploymentInput({ app: 'app-1', version: '1.0.0', ring: 'pilot', extra: true })).toEqual({ ok: true, app: 'app-1', version: '1.0.0', ring: 'pilot' });
  });

  it.each([
    [undefined, 'body'],
    [[1, 2], 'body'],
    [{ version: '1', ring: 'pilot' }, 'app'],
    [{ app: ' ', version: '1', ring: 'pilot' }, 'app'],
    [{ app: 'a', version: 1, ring: 'pilot' }, 'version'],
    [{ app: 'a', version: '1', ring: 'everyone' }, 'ring'],
  ])('refuses %j, naming %s', (body, field) => {
    expect(parseDeploymentInput(body)).toMatchObject({ ok: false, field });
  });
});

describe('PlatformState', () => {
  it('stores deployments with increasing ids and lists the newest first', () => {
    const state = newState();
    const first = state.createDeployment({ app: 'a', version: '1', ring: 'canary' }, 'alice');
    const second = state.createDeployment({ app: 'b', version: '2', ring: 'broad' }, 'bob');
    expect([first.id, second.id]).toEqual([1, 2]);
    expect(state.getDeployment(2)).toMatchObject({ app: 'b', createdBy: 'bob', status: 'scheduled', createdAt: '2026-01-22T00:00:00.000Z' });
    expect(state.listDeployments(1).map((d) => d.id)).toEqual([2]);
    expect(state.listDeployments(10).map((d) => d.id)).toEqual([2, 1]);
  });

  it('forgets the oldest deployments past its limit', () => {
    const state = newState({ maxStoredRecords: 3 });
    for (let i = 0; i < 5; i += 1) state.createDeployment({ app: 'a', version: '1', ring: 'canary' }, 'u');
    expect(state.getDeployment(2)).toBeUndefined();
    expect(state.getDeployment(3)).toBeDefined();
    expect(state.listDeployments(10).map((d) => d.id)).toEqual([5, 4, 3]);
    expect(state.deploymentCount).toBe(5);
  });

  it('keeps the pending queue full: each decision submits a fresh change', () => {
    const state = newState();
    const [oldest] = state.pendingChanges();
    expect(oldest?.id).toBe(1001);
    expect(state.decideChange(1001, 'approved', 'alice')).toMatchObject({ kind: 'decided', change: { id: 1001, decision: 'approved', decidedBy: 'alice' } });
    expect(state.pendingChanges().map((c) => c.id)).toEqual([1002, 1003, 1004, 1005, 1006]);
    expect(state.decidedCount).toBe(1);
  });

  it('answers a second decision with the first one, and an unknown id with notFound', () => {
    const state = newState();
    state.decideChange(1002, 'rejected', 'alice');
    expect(state.decideChange(1002, 'approved', 'bob')).toMatchObject({ kind: 'alreadyDecided', change: { decision: 'rejected', decidedBy: 'alice' } });
    expect(state.decideChange(999, 'approved', 'bob')).toEqual({ kind: 'notFound' });
    expect(state.decideChange(5000, 'approved', 'bob')).toEqual({ kind: 'notFound' });
  });

  it('queues publications on the five planes and counts them per plane', () => {
    const state = newState();
    expect(EXECUTION_PLANES).toHaveLength(5);
    expect(state.publish('jamf', 'apps', 'carol')).toMatchObject({ kind: 'queued', publication: { id: 1, plane: 'jamf', connector: 'apps', status: 'queued' } });
    expect(state.publish('mainframe', 'apps', 'carol')).toEqual({ kind: 'unknownPlane' });
    expect(state.publish('jamf', 'fax', 'carol')).toEqual({ kind: 'unknownConnector' });
    expect(state.publications()).toEqual({ intune: 0, jamf: 1, sccm: 0, landscape: 0, ansible: 0 });
  });
});
