// suite.md: the verdict matrix a team would otherwise assemble by hand from several reports, like the phase
// report's table: scenario, load, verdict, key finding, requests, p50 and p99 against their targets, report link.

import { formatCount, formatDuration, formatMs, formatUtc, verdictLabel } from '../report/format';
import { escapeMarkdown } from '../report/markdown';
import type { FigureAgainstTarget, SuiteResult, SuiteRow, SuiteRowVerdict } from './suite-result';

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, index) => (rightAligned.has(index) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** The row's verdict as the matrix shows it. */
export function rowVerdictLabel(verdict: SuiteRowVerdict): string {
  if (verdict === 'invalid') return 'INVALID';
  if (verdict === 'skipped') return 'SKIPPED';
  return verdictLabel(verdict);
}

/** "34 ms (< 500ms: pass)", "27,000 ms (< 1000ms: **FAIL**)", "n/a". */
export function figureCell(figure: FigureAgainstTarget): string {
  const value = formatMs(figure.value);
  if (figure.target === undefined) return value;
  const verdict = figure.value === null ? 'not measured' : figure.passed ? 'pass' : '**FAIL**';
  return `${value} (${escapeMarkdown(figure.target)}: ${verdict})`;
}

function reportLinks(row: SuiteRow): string {
  if (row.reportFolder === undefined) return '';
  const folder = row.reportFolder.split('/').map(encodeURIComponent).join('/');
  return `[report.md](${folder}/report.md) · [html](${folder}/report.html)`;
}

function matrixRow(row: SuiteRow): string[] {
  return [
    escapeMarkdown(row.scenario),
    escapeMarkdown(row.load === '' ? 'n/a' : row.load),
    `**${rowVerdictLabel(row.verdict)}**`,
    escapeMarkdown(row.keyFinding),
    row.requests === null ? 'n/a' : formatCount(row.requests),
    figureCell(row.p50),
    figureCell(row.p99),
    reportLinks(row),
  ];
}

/** The verdict matrix alone: one row per scenario, in the suite's order. */
export function renderVerdictMatrix(rows: readonly SuiteRow[]): string {
  return table(['Scenario', 'Load', 'Verdict', 'Key finding', 'Requests', 'p50 (target)', 'p99 (target)', 'Report'], rows.map(matrixRow), new Set([4, 5, 6]));
}

const COUNT_ORDER: readonly (readonly [SuiteRowVerdict, string])[] = [
  ['pass', 'passed'],
  ['fail', 'failed'],
  ['stopped', 'stopped'],
  ['error', 'in error'],
  ['invalid', 'invalid'],
  ['skipped', 'skipped'],
];

function countsSentence(rows: readonly SuiteRow[]): string {
  const parts = COUNT_ORDER.map(([verdict, words]) => [rows.filter((row) => row.verdict === verdict).length, words] as const)
    .filter(([count]) => count > 0)
    .map(([count, words]) => `${count} ${words}`);
  return `${rows.length} scenario${rows.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

function overridesWords(row: SuiteRow): string {
  const parts: string[] = [];
  if (row.environment !== undefined) parts.push(`env ${row.environment}`);
  if (row.overrides.users !== undefined) parts.push(`users ${row.overrides.users}`);
  if (row.overrides.ratePerSecond !== undefined) parts.push(`rate ${row.overrides.ratePerSecond}/s`);
  if (row.overrides.durationSeconds !== undefined) parts.push(`duration ${formatDuration(row.overrides.durationSeconds)}`);
  return parts.length === 0 ? 'as written' : parts.join(', ');
}

function scenarioList(rows: readonly SuiteRow[]): string {
  return rows
    .map((row, index) => {
      const baseline = row.baseline === undefined ? '' : ` Baseline: ${escapeMarkdown(row.baseline)}`;
      return `${index + 1}. \`${row.file.replace(/`/g, "'")}\` (${escapeMarkdown(overridesWords(row))}).${baseline}`;
    })
    .join('\n');
}

/** suite.md for a suite run. */
export function renderSuiteMarkdown(result: SuiteResult): string {
  const stopped = result.stopped ? '\n\nStopped before the end: the scenario that was running is marked STOPPED, the ones after it SKIPPED.' : '';
  const sections = [
    `# Suite ${escapeMarkdown(result.suite)}: ${verdictLabel(result.verdict)}`,
    `${countsSentence(result.rows)} Started ${escapeMarkdown(formatUtc(result.startedAt))}, took ${formatDuration(result.durationSeconds)}. Suite file: ${escapeMarkdown(result.suiteFile)}.${stopped}`,
    renderVerdictMatrix(result.rows),
    `## Scenarios and overrides\n\n${scenarioList(result.rows)}`,
    '`suite.json` in this folder holds the same matrix, machine-readable; each scenario\'s own report folder holds its full report.',
  ];
  return sections.join('\n\n') + '\n';
}
