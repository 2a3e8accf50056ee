import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunResult } from '../../../src/core/report/decode-run-result';
import { REPORT_FILES, reportFilesOf } from '../../../src/core/report/report-files';
import { createRunFolder } from '../../../src/core/report/run-folder';
import { writeReports } from '../../../src/core/report/write-reports';
import { buildReportPage } from './build-report-page';
import { burstRun, hostileRun, k6MissingRun, monitoredRun } from './fixtures';
import { parseCsv } from './parse-csv';
import { parseXml } from './parse-xml';

describe('writeReports', () => {
  let base: string;
  let pageScript: string;

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'loadscope-reports-'));
    pageScript = await buildReportPage();
  }, 60_000);

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('writes every report file into a new run folder and returns their paths', async () => {
    const run = burstRun();
    const folder = createRunFolder(base, run.scenario, new Date(run.startedAt));
    const files = await writeReports(folder, run, { reportPageScript: pageScript });

    expect(files.folder).toBe(folder);
    expect(readdirSync(folder).sort()).toEqual(REPORT_FILES.filter((file) => file.role !== 'monitors').map((file) => file.fileName).sort());
    for (const { role, fileName } of reportFilesOf(run)) expect(files[role]).toBe(path.join(folder, fileName));
    expect(files.monitors).toBeUndefined();

    const summary: unknown = JSON.parse(readFileSync(files.summaryJson, 'utf8'));
    expect(isRunResult(summary)).toBe(true);
    expect(summary).toEqual(run);
    expect(readFileSync(files.markdown, 'utf8')).toMatch(/^# Burst load: FAIL\n/);
    expect(parseCsv(readFileSync(files.stats, 'utf8')).at(-1)?.[1]).toBe('Aggregated');
    expect(parseCsv(readFileSync(files.statsHistory, 'utf8'))).toHaveLength(run.timeline.length + 1);
    expect(parseXml(readFileSync(files.junit, 'utf8')).name).toBe('testsuites');

    const html = readFileSync(files.html, 'utf8');
    const embedded = /<script type="application\/json" id="run-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(embedded)).toEqual(run);
    expect(html).toContain(pageScript);
    // A 4-minute run with four request names: the page script plus about 200 kB of data.
    expect(statSync(files.html).size).toBeLessThan(600_000);
  });

  it('writes a full set for a run that never started, and for hostile names', async () => {
    for (const run of [k6MissingRun(), hostileRun()]) {
      const folder = createRunFolder(base, run.scenario, new Date(run.startedAt));
      const files = await writeReports(folder, run, { reportPageScript: pageScript });
      expect(readdirSync(folder)).toHaveLength(REPORT_FILES.length - 1);
      expect(JSON.parse(readFileSync(files.summaryJson, 'utf8'))).toEqual(JSON.parse(JSON.stringify(run)));
      expect(() => parseXml(readFileSync(files.junit, 'utf8'))).not.toThrow();
    }
  });

  it('still writes the other files when report.html cannot be made, then says why', async () => {
    const run = burstRun();
    const folder = createRunFolder(base, 'no page script', new Date(run.startedAt));
    await expect(writeReports(folder, run, { reportPageScript: 'x = "</script>"' })).rejects.toThrow(/not report\.html: .*cannot be inlined/);
    expect(readdirSync(folder).sort()).toEqual(reportFilesOf(run).map((file) => file.fileName).filter((name) => name !== 'report.html').sort());
  });

  it('adds monitors.csv for a run with monitors, with a row per second', async () => {
    const run = monitoredRun();
    const folder = createRunFolder(base, run.scenario, new Date(run.startedAt));
    const files = await writeReports(folder, run, { reportPageScript: pageScript });
    expect(readdirSync(folder).sort()).toEqual(REPORT_FILES.map((file) => file.fileName).sort());
    expect(files.monitors).toBe(path.join(folder, 'monitors.csv'));
    const rows = parseCsv(readFileSync(files.monitors ?? '', 'utf8'));
    expect(rows).toHaveLength(run.timeline.length + 1);
    expect(rows[0]?.slice(2)).toEqual(run.monitors?.map((series) => series.key));
    const summary: unknown = JSON.parse(readFileSync(files.summaryJson, 'utf8'));
    expect(isRunResult(summary)).toBe(true);
    expect(summary).toEqual(run);
    expect(readFileSync(files.markdown, 'utf8')).toContain('## Server metrics');
  });
});
