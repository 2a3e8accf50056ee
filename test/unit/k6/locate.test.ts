import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateK6, majorVersion, parseK6Version } from '../../../src/core/k6/locate';

// Candidate files must exist; the version probe is replaced, so nothing is executed.
const dir = mkdtempSync(path.join(os.tmpdir(), 'loadscope-locate-'));
const bin = (name: string): string => {
  const file = path.join(dir, name, 'k6');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  return file;
};
const onPathOld = bin('path-old');
const onPath = bin('path-good');
const tools = bin('tools');
const explicit = bin('explicit');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const versions = new Map<string, string>([
  [onPathOld, 'k6 v1.8.1 (go1.24.1, linux/amd64)'],
  [onPath, 'k6 v2.2.0 (go1.26.8, linux/amd64)'],
  [tools, 'k6 v2.1.0 (go1.25.0, linux/amd64)'],
  [explicit, 'my-k6 v2.2.0 (go1.26.8, linux/amd64)\n  extensions: none'],
]);
const probe = async (binary: string): Promise<string> => {
  const out = versions.get(binary);
  if (out === undefined) throw new Error('spawn EACCES');
  return out;
};
const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({ ...extra });

describe('locateK6', () => {
  it('prefers the explicit path', async () => {
    const result = await locateK6({ explicitPath: explicit, env: env({ PATH: path.dirname(onPath) }), probe, platform: 'linux' });
    expect(result).toEqual({ ok: true, k6: { path: explicit, version: 'v2.2.0', source: 'option' } });
  });

  it('uses LOADSCOPE_K6 before PATH', async () => {
    const result = await locateK6({ env: env({ LOADSCOPE_K6: explicit, PATH: path.dirname(onPath) }), probe, platform: 'linux' });
    expect(result.ok && result.k6.source).toBe('LOADSCOPE_K6');
  });

  it('skips a k6 of the wrong major version on PATH and takes the next one', async () => {
    const PATH = [path.dirname(onPathOld), path.dirname(onPath)].join(path.delimiter);
    const result = await locateK6({ env: env({ PATH }), probe, platform: 'linux', toolDir: path.dirname(tools) });
    expect(result).toMatchObject({ ok: true, k6: { path: onPath, source: 'PATH', version: 'v2.2.0' } });
  });

  it('falls back to the tool folder', async () => {
    const result = await locateK6({ env: env({ PATH: '/nonexistent' }), probe, platform: 'linux', toolDir: path.dirname(tools) });
    expect(result).toMatchObject({ ok: true, k6: { path: tools, source: 'tool folder', version: 'v2.1.0' } });
  });

  it('says what it tried and what to do when nothing works', async () => {
    const result = await locateK6({
      env: env({ PATH: path.dirname(onPathOld) }),
      probe,
      platform: 'linux',
      toolDir: path.join(dir, 'empty'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.tried.map((t) => [t.source, t.problem])).toEqual([
      ['PATH', 'k6 v1.8.1, but Loadscope needs k6 v2.x'],
      ['tool folder', 'no such file'],
    ]);
    expect(result.message).toContain('No usable k6 (v2.x) was found.');
    expect(result.message).toContain(onPathOld);
    expect(result.message).toContain('https://github.com/grafana/k6/releases');
    expect(result.message).toContain('npm run setup');
    expect(result.message).toContain('LOADSCOPE_K6');
  });

  it('does not route around a broken explicit path', async () => {
    const result = await locateK6({
      explicitPath: path.join(dir, 'missing', 'k6'),
      explicitLabel: '--k6',
      env: env({ PATH: path.dirname(onPath) }),
      probe,
      platform: 'linux',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('k6 set by --k6 cannot be used.');
    expect(result.message).toContain('no such file');
    expect(result.message).toContain('correct or remove --k6');
  });

  it('reports a binary that fails to run', async () => {
    const broken = bin('broken');
    const result = await locateK6({ explicitPath: broken, env: env(), probe, platform: 'linux' });
    expect(!result.ok && result.tried[0]?.problem).toBe('`k6 version` failed: spawn EACCES');
  });

  it('says when k6 is not on PATH at all', async () => {
    const result = await locateK6({ env: env({ PATH: '' }), probe, platform: 'linux' });
    expect(!result.ok && result.tried).toEqual([{ path: 'k6', source: 'PATH', problem: 'not found on PATH' }]);
  });
});

describe('parseK6Version', () => {
  it('reads the version whatever the binary is called', () => {
    expect(parseK6Version('k6 v2.2.0 (go1.26.8, linux/amd64)')).toBe('v2.2.0');
    expect(parseK6Version('k6-custom v2.3.0-rc1 (go1.26.8, linux/amd64)')).toBe('v2.3.0-rc1');
    expect(parseK6Version('k6.exe v1.8.1 (commit/abc, go1.24, windows/amd64)')).toBe('v1.8.1');
    expect(parseK6Version('hello')).toBeUndefined();
    expect(majorVersion('v2.2.0')).toBe(2);
  });
});
