import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReportPageScript, locateReportPageScript } from '../../../src/core/report/report-page-script';

describe('locateReportPageScript', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'loadscope-page-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  function packageAt(dir: string, name = 'loadscope'): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name }));
  }

  it('finds the script next to the running bundle (dist/)', () => {
    const dist = path.join(root, 'extension', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'report-page.js'), 'bundle');
    expect(locateReportPageScript(dist)).toBe(path.join(dist, 'report-page.js'));
    expect(loadReportPageScript(dist)).toBe('bundle');
  });

  it('walks up from the sources to the package root dist/', () => {
    packageAt(root);
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist', 'report-page.js'), 'built');
    const sources = path.join(root, 'src', 'core', 'report');
    mkdirSync(sources, { recursive: true });
    expect(locateReportPageScript(sources)).toBe(path.join(root, 'dist', 'report-page.js'));
  });

  it('stops at the Loadscope package and ignores other packages on the way', () => {
    packageAt(root);
    packageAt(path.join(root, 'node_modules', 'other'), 'other');
    const deep = path.join(root, 'node_modules', 'other', 'lib');
    mkdirSync(deep, { recursive: true });
    expect(locateReportPageScript(deep)).toBeUndefined();
  });

  it('says how to build the script when it is missing', () => {
    packageAt(root);
    expect(() => loadReportPageScript(root)).toThrow(/node scripts\/build\.mjs/);
  });
});

describe('locateReportPageScript from this repository', () => {
  it('looks in the repository dist/ when running from source', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const located = locateReportPageScript();
    // dist/ exists only after a build; either way the search must end at this repository's dist/.
    expect(located === undefined || located === path.join(root, 'dist', 'report-page.js')).toBe(true);
  });
});
