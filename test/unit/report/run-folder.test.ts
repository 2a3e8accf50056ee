import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRunFolder, runTimestamp, scenarioSlug } from '../../../src/core/report/run-folder';

describe('scenarioSlug', () => {
  it('makes a lowercase, dash-separated ASCII name', () => {
    expect(scenarioSlug('Concurrent deployments')).toBe('concurrent-deployments');
    expect(scenarioSlug('  P4.3 / Burst Load (1000 users)!  ')).toBe('p4-3-burst-load-1000-users');
    expect(scenarioSlug('Café Déploiement')).toBe('cafe-deploiement');
  });

  it('can never name a path outside the base folder', () => {
    for (const name of ['..', '../../etc/passwd', '..\\..\\windows', '/abs/path', 'C:\\x', '.hidden', '\u0000nul']) {
      const slug = scenarioSlug(name);
      expect(slug, name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('avoids names Windows reserves and empty names', () => {
    expect(scenarioSlug('CON')).toBe('con-scenario');
    expect(scenarioSlug('lpt1')).toBe('lpt1-scenario');
    expect(scenarioSlug('')).toBe('scenario');
    expect(scenarioSlug('!!!')).toMatch(/^scenario-[0-9a-f]{8}$/);
  });

  it('keeps names without Latin letters apart', () => {
    const first = scenarioSlug('負荷テスト');
    expect(first).toMatch(/^scenario-[0-9a-f]{8}$/);
    expect(scenarioSlug('別のテスト')).not.toBe(first);
    expect(scenarioSlug('負荷テスト')).toBe(first);
  });

  it('shortens long names without a trailing dash', () => {
    const slug = scenarioSlug(`${'a'.repeat(59)} b`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('runTimestamp', () => {
  it('is UTC, second precision, with no colons', () => {
    expect(runTimestamp(new Date('2026-01-22T10:15:03.987Z'))).toBe('2026-01-22T10-15-03Z');
    expect(runTimestamp(new Date('2026-01-22T11:15:03+01:00'))).toBe('2026-01-22T10-15-03Z');
  });

  it('refuses an invalid date', () => {
    expect(() => runTimestamp(new Date('nope'))).toThrow(/not a valid date/);
  });
});

describe('createRunFolder', () => {
  let base: string;
  const startedAt = new Date('2026-01-22T10:15:03Z');

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'loadscope-run-folder-'));
  });

  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('creates <base>/<slug>/<timestamp>', () => {
    const folder = createRunFolder(base, 'Concurrent deployments', startedAt);
    expect(folder).toBe(path.join(base, 'concurrent-deployments', '2026-01-22T10-15-03Z'));
    expect(readdirSync(folder)).toEqual([]);
  });

  it('never reuses a folder: the same name twice gives two folders and the first is untouched', () => {
    const first = createRunFolder(base, 'Burst load', startedAt);
    writeFileSync(path.join(first, 'summary.json'), '{"first":true}');
    const second = createRunFolder(base, 'Burst load', startedAt);
    const third = createRunFolder(base, 'Burst load', startedAt);
    expect(second).toBe(`${first}-2`);
    expect(third).toBe(`${first}-3`);
    expect(readdirSync(first)).toEqual(['summary.json']);
    expect(readFileSync(path.join(first, 'summary.json'), 'utf8')).toBe('{"first":true}');
    expect(readdirSync(second)).toEqual([]);
  });

  it('skips names another run already took', () => {
    const scenarioDir = path.join(base, 'burst-load');
    mkdirSync(path.join(scenarioDir, '2026-01-22T10-15-03Z'), { recursive: true });
    mkdirSync(path.join(scenarioDir, '2026-01-22T10-15-03Z-2'));
    expect(createRunFolder(base, 'Burst load', startedAt)).toBe(path.join(scenarioDir, '2026-01-22T10-15-03Z-3'));
  });

  it('stays inside the base folder whatever the scenario is called', () => {
    const folder = createRunFolder(path.join(base, 'reports'), '../../escape', startedAt);
    expect(path.relative(path.join(base, 'reports'), folder).startsWith('..')).toBe(false);
    expect(folder).toBe(path.join(base, 'reports', 'escape', '2026-01-22T10-15-03Z'));
  });

  it('fails clearly when the base cannot hold folders', () => {
    const file = path.join(base, 'a-file');
    writeFileSync(file, '');
    expect(() => createRunFolder(file, 'x', startedAt)).toThrow();
  });
});
