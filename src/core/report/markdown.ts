// report.md: the executive summary a team would otherwise write by hand after a run, measured and sober.

import { evidenceText, findingKindLabel, severityLabel } from '../findings/finding-text';
import type { RunResult } from '../results';
import { errorsByKind, statusTotals } from './error-summary';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatMs,
  formatPercent,
  formatRate,
  formatTargetValue,
  formatUtc,
  isOutcomeWithoutData,
  outcomeLabel,
  targetLabel,
  targetSentence,
  targetVerdictLabel,
  verdictLabel,
} from './format';
import { verdictHeadline } from './headline';
import { monitorSummary } from './monitor-summary';
import { reportFilesOf } from './report-files';

// Backslash-escapes the punctuation that can open inline Markdown, raw HTML, an entity, math or a table cell
// anywhere in a line, so a request named `<img onerror=…>` or `a|b` is shown as text and cannot break a table.
// Characters that only matter at the start of a line (`>`, `+`, `-`) are left alone: escaped text never starts one.
const MARKDOWN_SPECIAL = /[\\`*_[\]<#|~&$]/g;

// Control characters (NUL, BEL, …) mean nothing in a report; U+FFFD shows that something was there.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Makes any text safe inside a Markdown paragraph or table cell (one line, no markup). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL_CHARS, '\ufffd')
    .replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')
    .replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, index) => (rightAligned.has(index) ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

function range(from: number, to: number): Set<number> {
  return new Set(Array.from({ length: to - from + 1 }, (_, index) => from + index));
}

// A fence longer than any backtick run in the text, so a message holding ``` cannot close it early.
function codeBlock(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${text.replace(CONTROL_CHARS, '\ufffd').replace(/\r\n?|[\u2028\u2029]/g, '\n')}\n${fence}`;
}

function runDetails(result: RunResult): string {
  const rows: [string, string][] = [
    ['Started', formatUtc(result.startedAt)],
    ['Ended', formatUtc(result.endedAt)],
    ['Duration', formatDuration(result.durationSeconds)],
  ];
  if (result.environment !== undefined) rows.push(['Environment', result.environment]);
  rows.push(['Scenario file', result.scenarioFile]);
  const exit = result.k6.exitCode === null ? 'no exit code' : `exit code ${result.k6.exitCode}`;
  rows.push(['k6', `${result.k6.version === '' ? 'version unknown' : result.k6.version} (${exit})`]);
  rows.push(['Outcome', outcomeLabel(result.outcome)]);
  return rows.map(([label, value]) => `- ${label}: ${escapeMarkdown(value)}`).join('\n');
}

function loadSection(result: RunResult): string {
  if (result.load.length === 0) return '## Load\n\nNo load model recorded.';
  const rows = result.load.map((group) => [escapeMarkdown(group.group), group.model === 'open' ? 'open (arrival rate)' : 'closed (users)', escapeMarkdown(group.description)]);
  return `## Load\n\n${table(['Group', 'Model', 'Load'], rows)}`;
}

function totalsSection(result: RunResult): string {
  const totals = result.totals;
  if (totals.requests === 0 && totals.iterations === 0) return '## Totals\n\nNothing was measured.';
  const main = table(
    ['Requests', 'Failures', 'Error rate', 'Requests/s', 'Median', 'p95', 'p99', 'Max'],
    [
      [
        formatCount(totals.requests),
        formatCount(totals.failures),
        formatPercent(totals.requests > 0 ? totals.errorRate : null),
        formatRate(totals.rps),
        formatMs(totals.requests > 0 ? totals.p50 : null),
        formatMs(totals.requests > 0 ? totals.p95 : null),
        formatMs(totals.requests > 0 ? totals.p99 : null),
        formatMs(totals.requests > 0 ? totals.max : null),
      ],
    ],
    range(0, 7),
  );
  const dropped = totals.droppedIterations > 0 ? ` (${formatCount(totals.droppedIterations)} dropped: the load generator could not start them in time)` : '';
  const checks = totals.checks.passes + totals.checks.fails > 0 ? ` Checks: ${formatCount(totals.checks.passes)} passed, ${formatCount(totals.checks.fails)} failed.` : '';
  const facts =
    `Iterations: ${formatCount(totals.iterations)}${dropped}. Peak users: ${formatCount(totals.maxUsers)}. ` +
    `Data received ${formatBytes(totals.dataReceivedBytes)}, sent ${formatBytes(totals.dataSentBytes)}.${checks}`;
  return `## Totals\n\n${main}\n\n${facts}`;
}

function targetsSection(result: RunResult): string {
  if (result.targets.length === 0) return '## Targets\n\nNo targets were set.';
  const rows = result.targets.map((target) => [
    escapeMarkdown(targetLabel(target)),
    escapeMarkdown(formatTargetValue(target.metric, target.actual)),
    targetVerdictLabel(target).toUpperCase(),
    escapeMarkdown(targetSentence(target)),
  ]);
  return `## Targets\n\n${table(['Target', 'Actual', 'Verdict', 'Margin'], rows)}`;
}

function findingsSection(result: RunResult): string {
  if (result.findings.length === 0) {
    const why = isOutcomeWithoutData(result.outcome) ? 'nothing was measured' : 'nothing stood out (short runs and runs with too little data get none rather than a guess)';
    return `## Findings\n\nNo findings: ${why}.`;
  }
  const items = result.findings.map(
    (finding) =>
      `- **${severityLabel(finding.severity)}, ${findingKindLabel(finding.kind)}.** ${escapeMarkdown(finding.message)}\n` +
      `  - Suggestion: ${escapeMarkdown(finding.suggestion)}\n` +
      `  - Evidence: ${escapeMarkdown(evidenceText(finding))}`,
  );
  return `## Findings\n\n${items.join('\n')}`;
}

// Right after the findings: the server side of the story they tell, in the same run's seconds.
function serverMetricsSection(result: RunResult): string {
  const summary = monitorSummary(result);
  if (summary === undefined) return '';
  const problems = summary.anyProblem;
  const header = ['Monitor', 'Series', 'Min', 'Average', 'Max', 'Capacity', escapeMarkdown(summary.atPeakLoadHeader), ...(problems ? ['Problem'] : [])];
  const rows = summary.rows.map((row) => [
    escapeMarkdown(row.monitor),
    escapeMarkdown(row.series),
    escapeMarkdown(row.min),
    escapeMarkdown(row.avg),
    escapeMarkdown(row.max),
    escapeMarkdown(row.capacity),
    escapeMarkdown(row.atPeakLoad),
    ...(problems ? [escapeMarkdown(row.problem)] : []),
  ]);
  return `## Server metrics\n\n${escapeMarkdown(summary.explanation)}\n\n${table(header, rows, range(2, 6))}`;
}

function requestsSection(result: RunResult): string {
  if (result.requests.length === 0) return '## Requests\n\nNo requests were made.';
  const showGroup = new Set(result.requests.map((request) => request.group)).size > 1;
  const header = ['Method', 'Name', ...(showGroup ? ['Group'] : []), 'Count', 'Failures', 'p50', 'p90', 'p95', 'p99', 'Max', 'Requests/s'];
  const firstNumber = showGroup ? 3 : 2;
  const rows = result.requests.map((request) => {
    const measured = request.count > 0;
    const ms = (value: number) => formatMs(measured ? value : null);
    return [
      escapeMarkdown(request.method),
      escapeMarkdown(request.name),
      ...(showGroup ? [escapeMarkdown(request.group)] : []),
      formatCount(request.count),
      formatCount(request.failures),
      ms(request.p50),
      ms(request.p90),
      ms(request.p95),
      ms(request.p99),
      ms(request.max),
      formatRate(request.rps),
    ];
  });
  return `## Requests\n\n${table(header, rows, range(firstNumber, header.length - 1))}`;
}

function errorsSection(result: RunResult): string {
  if (result.errors.length === 0) return '## Errors\n\nNo errors.';
  const kinds = errorsByKind(result.errors, result.totals.requests).map((kind) => [
    escapeMarkdown(kind.error),
    formatCount(kind.occurrences),
    formatPercent(kind.shareOfRequests),
    escapeMarkdown(kind.requests.join(', ')),
    escapeMarkdown(formatUtc(kind.firstSeen)),
    escapeMarkdown(formatUtc(kind.lastSeen)),
  ]);
  const byRequest = result.errors.map((error) => [escapeMarkdown(error.method), escapeMarkdown(error.name), escapeMarkdown(error.error), formatCount(error.occurrences)]);
  return (
    '## Errors\n\n### By kind\n\n' +
    table(['Error', 'Occurrences', 'Share of requests', 'Requests', 'First seen', 'Last seen'], kinds, range(1, 2)) +
    '\n\n### By request\n\n' +
    table(['Method', 'Name', 'Error', 'Occurrences'], byRequest, new Set([3]))
  );
}

function statusSection(result: RunResult): string {
  const statuses = statusTotals(result.timeline);
  if (statuses.length === 0) return '';
  const rows = statuses.map((status) => [status.status === '0' ? '0 (network error)' : escapeMarkdown(status.status), formatCount(status.responses), formatPercent(status.share)]);
  return `## Responses by status code\n\n${table(['Status', 'Responses', 'Share'], rows, new Set([1, 2]))}`;
}

function outcomeSection(result: RunResult): string {
  if (result.outcome === 'completed' && result.verdict === 'pass') return '';
  const exit = result.k6.exitCode === null ? 'k6 gave no exit code' : `k6 exit code ${result.k6.exitCode}`;
  const message = result.outcomeMessage.trim() === '' ? '' : `\n\n${codeBlock(result.outcomeMessage)}`;
  const label = outcomeLabel(result.outcome);
  return `## Outcome\n\n${escapeMarkdown(label.charAt(0).toUpperCase() + label.slice(1))} (${exit}).${message}`;
}

function baselineSection(result: RunResult): string {
  const comparison = result.comparison;
  if (comparison === undefined) return '';
  const summary = comparison.summary;
  const lines = [`**${escapeMarkdown(summary.headline)}**`];
  if (comparison.baseline !== '') lines.push(`Baseline: the run [${escapeMarkdown(comparison.baseline)}](../${encodeURIComponent(comparison.baseline)}/report.md) of this scenario.`);
  if (summary.comparable) lines.push('Every figure, with the change and its verdict: `comparison.md` (and `comparison.json`) in this folder.');
  const notes = summary.warnings.map((warning) => `> **Note:** ${escapeMarkdown(warning)}`).join('\n>\n');
  return `## Compared with the baseline\n\n${lines.join('\n\n')}${notes === '' ? '' : `\n\n${notes}`}`;
}

function filesSection(result: RunResult): string {
  const lines = reportFilesOf(result).filter((file) => file.role !== 'markdown').map((file) => `- \`${file.fileName}\`: ${file.description}`);
  return `## Files in this folder\n\n${lines.join('\n')}`;
}

/** report.md for a run: verdict, when, load, totals, targets, findings, server metrics, requests, errors, outcome,
 * other files. */
export function renderMarkdownReport(result: RunResult): string {
  const sections = [
    `# ${escapeMarkdown(result.scenario)}: ${verdictLabel(result.verdict)}`,
    escapeMarkdown(verdictHeadline(result)),
    runDetails(result),
    outcomeSection(result),
    loadSection(result),
    totalsSection(result),
    targetsSection(result),
    findingsSection(result),
    serverMetricsSection(result),
    baselineSection(result),
    requestsSection(result),
    errorsSection(result),
    statusSection(result),
    filesSection(result),
  ];
  return sections.filter((section) => section !== '').join('\n\n') + '\n';
}
