import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdownReport } from '../../../src/core/report/markdown';
import { REPORT_FILES } from '../../../src/core/report/report-files';
import { ALL_RUNS, burstRun, HOSTILE_NAMES, hostileRun, k6CrashedRun, k6MissingRun, monitoredRun, passingRun, refusedRun, stoppedRun } from './fixtures';

/** Cells of a Markdown table row, split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/** The rows (header first, rule dropped) of the first table after a heading. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`${heading}\n`);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows.filter((_, index) => index !== 1).map(cells);
}

/** Everything outside fenced code blocks. */
function outsideCodeBlocks(markdown: string): string {
  return markdown.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
}

describe('renderMarkdownReport', () => {
  it('opens with the scenario, the verdict and the reason', () => {
    const markdown = renderMarkdownReport(passingRun());
    expect(markdown.split('\n').slice(0, 3)).toEqual(['# Concurrent deployments: PASS', '', 'All 5 targets met.']);
    expect(markdown).toContain('- Started: 2026-01-22 10:15:03 UTC');
    expect(markdown).toContain('- Duration: 5m 0s');
    expect(markdown).toContain('- Environment: staging');
    expect(markdown).toContain('- k6: v2.2.0 (exit code 0)');
    expect(markdown).not.toContain('## Outcome');
  });

  it('lists the load per group, the totals and every target with its margin', () => {
    const markdown = renderMarkdownReport(passingRun());
    expect(tableAfter(markdown, '## Load')).toEqual([
      ['Group', 'Model', 'Load'],
      ['Concurrent deployments', 'closed (users)', '100 users, ramp 10/s, 5m'],
    ]);
    expect(tableAfter(markdown, '## Totals')).toEqual([
      ['Requests', 'Failures', 'Error rate', 'Requests/s', 'Median', 'p95', 'p99', 'Max'],
      ['68,902', '0', '0%', '229.7/s', '5 ms', '17 ms', '34 ms', '212 ms'],
    ]);
    const targets = tableAfter(markdown, '## Targets');
    expect(targets[0]).toEqual(['Target', 'Actual', 'Verdict', 'Margin']);
    expect(targets[1]).toEqual(['median \\< 200ms', '5 ms', 'PASS', '5 ms median against \\< 200ms: 40x better']);
    expect(targets[5]).toEqual(['create deployment: p95 \\< 300ms', '17 ms', 'PASS', '17 ms p95 against \\< 300ms: 17.6x better']);
  });

  it('has one row per request with the percentiles', () => {
    const requests = tableAfter(renderMarkdownReport(passingRun()), '## Requests');
    expect(requests[0]).toEqual(['Method', 'Name', 'Count', 'Failures', 'p50', 'p90', 'p95', 'p99', 'Max', 'Requests/s']);
    expect(requests).toHaveLength(6);
    expect(requests[2]).toEqual(['POST', 'create deployment', '41,280', '0', '5.4 ms', '12 ms', '17 ms', '31 ms', '78 ms', '137.6/s']);
  });

  it('shows a failed burst run with errors by kind, status codes, groups and the outcome', () => {
    const markdown = renderMarkdownReport(burstRun());
    expect(markdown.startsWith('# Burst load: FAIL\n')).toBe(true);
    expect(markdown).toContain('## Outcome\n\nTargets missed (k6 exit code 99).');
    expect(markdown).toContain('640 dropped');
    expect(tableAfter(markdown, '## Requests')[0]).toContain('Group');
    const kinds = tableAfter(markdown, '### By kind');
    expect(kinds.slice(1).map((row) => row[0])).toEqual(['timeout', 'HTTP 429', 'HTTP 503', 'connection reset']);
    expect(kinds[1]).toEqual(['timeout', '5,964', '35.8%', 'create deployment, get deployment', '2026-01-22 10:15:24 UTC', '2026-01-22 10:19:02 UTC']);
    const statuses = tableAfter(markdown, '## Responses by status code');
    expect(statuses.map((row) => row[0])).toEqual(['Status', '0 (network error)', '200', '201', '429', '503']);
    const targets = tableAfter(markdown, '## Targets');
    expect(targets[2]).toEqual(['p99 \\< 1000ms', '27,000 ms', 'FAIL', '27,000 ms p99 against \\< 1000ms: 27x over']);
  });

  it('marks a stopped run and says the figures are partial', () => {
    const markdown = renderMarkdownReport(stoppedRun());
    expect(markdown.startsWith('# CAB approvals: STOPPED\n')).toBe(true);
    expect(markdown).toContain('the figures cover only the part that ran');
    expect(markdown).toContain('## Outcome\n\nStopped by the user (k6 exit code 103).');
  });

  it('shows why a run failed when no target caught it', () => {
    const markdown = renderMarkdownReport(refusedRun());
    expect(markdown.startsWith('# Smoke: FAIL\n\nAll 50 requests failed.\n')).toBe(true);
    expect(markdown).toContain('## Outcome\n\nRan to the end (k6 exit code 0).\n\n```text\nThe test ran to the end. All 50 requests failed: connection refused');
    expect(markdown).toContain('No targets were set.');
    expect(tableAfter(markdown, '## Responses by status code')[1]).toEqual(['0 (network error)', '50', '100%']);
  });

  it('still reads well for a run with no data at all', () => {
    const markdown = renderMarkdownReport(k6MissingRun());
    expect(markdown.startsWith('# Concurrent deployments: ERROR\n\nThe run did not take place: no usable k6.')).toBe(true);
    expect(markdown).toContain('- k6: version unknown (no exit code)');
    expect(markdown).toContain('## Totals\n\nNothing was measured.');
    expect(markdown).toContain('No requests were made.');
    expect(markdown).toContain('No errors.');
    expect(markdown).not.toContain('## Responses by status code');
    expect(tableAfter(markdown, '## Targets')[1]).toEqual(['median \\< 200ms', 'not measured', 'NOT MEASURED', 'no median measured against \\< 200ms']);
    expect(markdown).toContain('k6 could not be started: spawn k6 ENOENT');
  });

  it('fences a crash message with more backticks than it holds, keeping it verbatim', () => {
    const markdown = renderMarkdownReport(k6CrashedRun());
    expect(markdown).toContain('````text\nk6 exited with code 109 (Go panic):\npanic: runtime error: invalid memory address\n```\ngoroutine 1');
    expect(markdown).toContain('\tcmd/run.go:42 +0x1d\n````');
  });

  it('lists the other report files, monitors.csv only when there were monitors', () => {
    const markdown = renderMarkdownReport(passingRun());
    for (const file of REPORT_FILES.filter((entry) => entry.role !== 'markdown' && entry.role !== 'monitors')) expect(markdown).toContain(`- \`${file.fileName}\`: `);
    expect(markdown).not.toContain('`report.md`');
    expect(markdown).not.toContain('monitors.csv');
    expect(renderMarkdownReport(monitoredRun())).toContain('- `monitors.csv`: server-side readings (monitors), one row per second\n');
  });

  it('keeps hostile names inside their table cells and out of HTML', () => {
    const markdown = renderMarkdownReport(hostileRun());
    for (const heading of ['## Load', '## Targets', '## Requests', '### By kind', '### By request']) {
      const rows = tableAfter(markdown, heading);
      const width = rows[0]?.length;
      for (const row of rows) expect(row, `${heading}: ${row.join(' | ')}`).toHaveLength(width ?? 0);
    }
    expect(tableAfter(markdown, '## Requests')).toHaveLength(Object.keys(HOSTILE_NAMES).length + 1);
    const prose = outsideCodeBlocks(markdown);
    expect(prose).not.toMatch(/(?<!\\)</);
    const withoutFileList = prose.replace(/^- `[\w.]+`: .*$/gm, '');
    expect(withoutFileList).not.toMatch(/(?<!\\)`/);
    expect(prose).not.toMatch(/[\u0000\u0007\u2028\u2029]/);
    expect(markdown).toContain('# Hostile \\</script>\\<script>alert(1)\\</script> "names" \\& \\<b>co\\</b> \\]\\]>: FAIL');
  });

  it('renders every fixture with a title and a files section', () => {
    for (const [name, run] of ALL_RUNS) {
      const markdown = renderMarkdownReport(run());
      expect(markdown, name).toMatch(/^# .+: (PASS|FAIL|STOPPED|ERROR)\n/);
      expect(markdown.endsWith('- `junit.xml`: one test case per target, for CI\n'), name).toBe(true);
    }
  });
});

describe('Server metrics in report.md', () => {
  it('puts a row per monitored series right after the findings', () => {
    const markdown = renderMarkdownReport(monitoredRun());
    const findings = markdown.indexOf('## Findings');
    const server = markdown.indexOf('## Server metrics');
    expect(server).toBeGreaterThan(findings);
    expect(server).toBeLessThan(markdown.indexOf('## Requests'));
    expect(markdown).toContain('"At peak load" is the reading in the last second at the most users (1,050 users, 3:58).');
    expect(markdown).toContain('CPU is in percent of one core.');
    expect(tableAfter(markdown, '## Server metrics')).toEqual([
      ['Monitor', 'Series', 'Min', 'Average', 'Max', 'Capacity', 'At peak load (1,050 users, 3:58)', 'Problem'],
      ['demo target', 'database pool in use', '2', '19.2', '20 (at capacity)', '20', '20 (at capacity)', ''],
      ['demo target', 'waiting for a connection', '0', '167', '184', '–', '183', ''],
      ['app process', 'CPU', '30 %', '93 %', '97 %', '–', '97 %', 'no reading for 2 s (0:30 to 0:31): the process did not answer'],
      ['app process', 'memory', '180 MiB', '240 MiB', '300 MiB', '–', '299 MiB', 'no reading for 2 s (0:30 to 0:31): the process did not answer'],
    ]);
  });

  it('leaves the Problem column out when every second was read', () => {
    const run = monitoredRun();
    const monitors = (run.monitors ?? []).map(({ problem: _problem, ...series }) => series);
    const rows = tableAfter(renderMarkdownReport({ ...run, monitors }), '## Server metrics');
    expect(rows[0]).toEqual(['Monitor', 'Series', 'Min', 'Average', 'Max', 'Capacity', 'At peak load (1,050 users, 3:58)']);
  });

  it('has no section for a run without monitors, or with an empty list', () => {
    expect(renderMarkdownReport(burstRun())).not.toContain('## Server metrics');
    expect(renderMarkdownReport({ ...burstRun(), monitors: [] })).not.toContain('## Server metrics');
  });

  it('says n/a at peak load when nothing was measured over time', () => {
    const run = { ...monitoredRun(), timeline: [] };
    const rows = tableAfter(renderMarkdownReport(run), '## Server metrics');
    expect(rows[0]?.[6]).toBe('At peak load');
    expect(rows[1]?.[6]).toBe('n/a');
    expect(renderMarkdownReport(run)).toContain('Nothing was measured over time, so there is no reading at peak load.');
  });

  it('keeps hostile monitor names and problems inside their cells', () => {
    const run = monitoredRun();
    const monitors = (run.monitors ?? []).map((series) => ({ ...series, monitor: HOSTILE_NAMES.pipeAndTicks, label: HOSTILE_NAMES.newline, problem: HOSTILE_NAMES.img }));
    const markdown = renderMarkdownReport({ ...run, monitors });
    const rows = tableAfter(markdown, '## Server metrics');
    for (const row of rows) expect(row).toHaveLength(8);
    expect(rows[1]?.[0]).toBe('pipe \\| and \\`ticks\\` and \\*stars\\* and \\[link\\](x)');
    expect(rows[1]?.[7]).toBe('\\<img src=x onerror=alert(1)>');
  });
});

describe('escapeMarkdown', () => {
  it('escapes what could open markup and flattens line breaks', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('`x` *y* _z_ [l](u) <img> &amp; $m$ ~s~ #h \\')).toBe('\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\<img> \\&amp; \\$m\\$ \\~s\\~ \\#h \\\\');
    expect(escapeMarkdown('one\ntwo\r\nthree\u2028four')).toBe('one two three four');
    expect(escapeMarkdown('nul\u0000bell\u0007')).toBe('nul\ufffdbell\ufffd');
    expect(escapeMarkdown('create deployment (v1.0) - 50%')).toBe('create deployment (v1.0) - 50%');
  });
});
