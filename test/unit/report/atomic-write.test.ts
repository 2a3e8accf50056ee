import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/report/atomic-write';

describe('writeFileAtomic', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'loadscope-atomic-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes UTF-8 text and leaves no temp file', async () => {
    const file = path.join(folder, 'report.md');
    await writeFileAtomic(file, '# Café ✓\n');
    expect(readFileSync(file, 'utf8')).toBe('# Café ✓\n');
    expect(readdirSync(folder)).toEqual(['report.md']);
  });

  it('replaces an existing file whole', async () => {
    const file = path.join(folder, 'summary.json');
    writeFileSync(file, 'old content that is longer than the new one');
    await writeFileAtomic(file, '{}');
    expect(readFileSync(file, 'utf8')).toBe('{}');
    expect(readdirSync(folder)).toEqual(['summary.json']);
  });

  it('leaves one complete version and no temp files when writers race', async () => {
    const file = path.join(folder, 'stats.csv');
    const versions = Array.from({ length: 20 }, (_, index) => `version ${index}\n`.repeat(1000));
    await Promise.all(versions.map((content) => writeFileAtomic(file, content)));
    expect(versions).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(folder)).toEqual(['stats.csv']);
  });

  it('removes its temp file and rethrows when the rename fails', async () => {
    const target = path.join(folder, 'junit.xml');
    mkdirSync(path.join(target, 'occupied'), { recursive: true });
    await expect(writeFileAtomic(target, '<x/>')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(['junit.xml']);
    expect(readdirSync(target)).toEqual(['occupied']);
  });

  it('fails without leaving anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(folder, 'missing', 'report.md'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual([]);
  });
});
