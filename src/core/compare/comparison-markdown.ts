// comparison.md: a table fit for a pull request comment, the one-line summary above it, every test below it.

import { formatClock, formatUtc, verdictLabel } from '../report/format';
import { escapeMarkdown } from '../report/markdown';
import type { ComparedRun, FigureComparison, RunComparison, SampleWindow } from './comparison';
import { FIGURE_NAMES } from './comparison';
import { figureLabel, formatChange, formatPValue, formatValuePair } from './format-change';
import { minimumChangeWords } from './figure-verdict';
import { ALL_REQUESTS } from './summary-line';

export interface ComparisonMarkdownOptions {
  /** How to name each run, e.g. its report folder; defaults to its start time. */
  labelA?: string;
  labelB?: string;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, index) => (rightAligned.has(index) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

function arrow(change: number | null): string {
  if (change === null || change === 0) return '';
  return change > 0 ? ' ▲' : ' ▼';
}

/** One cell: "212 → 292 ms ▲ +38 % **worse**". */
export function figureCell(figure: FigureComparison): string {
  const pair = formatValuePair(figure.figure, figure.a, figure.b);
  if (figure.verdict === 'not-comparable') return `${pair} (not comparable)`;
  const change = figure.change === 0 ? '' : `${arrow(figure.change)} ${formatChange(figure)}`;
  const verdict = figure.verdict === 'worse' ? ' **worse**' : figure.verdict === 'better' ? ' **better**' : '';
  return `${pair}${change}${verdict}`;
}

function runRow(label: string, name: string, run: ComparedRun): string[] {
  const load = run.load.map((group) => `${group.group}: ${group.description}`).join('; ');
  return [label, escapeMarkdown(name), escapeMarkdown(formatUtc(run.startedAt)), verdictLabel(run.verdict), escapeMarkdown(load === '' ? 'n/a' : load)];
}

function windowWords(window: SampleWindow): string {
  if (window.seconds === 0) return 'no measured seconds';
  const kind = window.kind === 'steady' ? 'steady load' : 'whole run';
  return `${formatClock(window.fromSeconds)}–${formatClock(window.toSeconds)} (${window.seconds} s, ${kind})`;
}

function subjectName(method: string, name: string, presence: string): string {
  const label = `${method === '' ? '' : `${escapeMarkdown(method)} `}${escapeMarkdown(name)}`;
  return presence === 'added' ? `${label} (new in B)` : presence === 'removed' ? `${label} (not in B)` : label;
}

function mainTable(comparison: RunComparison): string {
  const header = ['Request', ...FIGURE_NAMES.map((figure) => (figure === 'errorRate' ? 'Error rate' : figure === 'rps' ? 'Requests/s' : figure))];
  const rows = [
    [`**${ALL_REQUESTS.charAt(0).toUpperCase()}${ALL_REQUESTS.slice(1)}**`, ...comparison.overall.map(figureCell)],
    ...comparison.requests.map((request) => [subjectName(request.method, request.name, request.presence), ...request.figures.map(figureCell)]),
  ];
  return table(header, rows, new Set([1, 2, 3, 4, 5]));
}

function detailRows(subject: string, figures: readonly FigureComparison[]): string[][] {
  return figures.map((figure) => [
    subject,
    figureLabel(figure.figure),
    escapeMarkdown(formatValuePair(figure.figure, figure.a, figure.b)),
    escapeMarkdown(formatChange(figure)),
    figure.verdict,
    figure.test === 'none' ? '' : `${figure.test}, ${figure.samples.a} / ${figure.samples.b} ${figure.test === 'trimmed-means' ? 's' : 'requests'}`,
    figure.adjustedPValue === null ? '' : formatPValue(figure.adjustedPValue),
    escapeMarkdown(figure.reason),
  ]);
}

function details(comparison: RunComparison): string {
  const rows = [
    ...detailRows(ALL_REQUESTS, comparison.overall),
    ...comparison.requests.flatMap((request) => detailRows(subjectName(request.method, request.name, request.presence), request.figures)),
  ];
  const body = table(['Request', 'Figure', 'A → B', 'Change', 'Verdict', 'Test, samples A / B', 'Adjusted p', 'Why'], rows, new Set([3, 6]));
  return `<details><summary>Every figure with its test</summary>\n\n${body}\n\n</details>`;
}

function testedCount(comparison: RunComparison): number {
  return [...comparison.overall, ...comparison.requests.flatMap((request) => request.figures)].filter((figure) => figure.adjustedPValue !== null).length;
}

function method(comparison: RunComparison): string {
  const s = comparison.settings;
  const minimums = [`${minimumChangeWords('p95', s)} for latency`, `${minimumChangeWords('errorRate', s)} for the error rate`, `${minimumChangeWords('rps', s)} for requests/s`].join(', ');
  const tested = testedCount(comparison);
  return (
    `▲ higher in B, ▼ lower. A figure is **worse** or **better** only when the change is beyond run-to-run noise ` +
    `(Holm-adjusted p < ${s.alpha} over the ${tested} figure${tested === 1 ? '' : 's'} tested) and at least ${minimums}; ` +
    `otherwise it is unchanged, whatever the raw difference. Latency and requests/s are judged on their per-second values ` +
    `(trimmed means, widened for drift), the error rate on the request counts (two proportions); an error rate with no ` +
    `failure in either run needs no test. Seconds compared: A ${windowWords(comparison.windows.a)}, B ${windowWords(comparison.windows.b)}.`
  );
}

/** comparison.md for two runs. */
export function renderComparisonMarkdown(comparison: RunComparison, options: ComparisonMarkdownOptions = {}): string {
  const title = comparison.a.scenario === comparison.b.scenario ? comparison.b.scenario : `${comparison.a.scenario} → ${comparison.b.scenario}`;
  const runs = table(
    ['', 'Run', 'Started', 'Verdict', 'Load'],
    [runRow('A', options.labelA ?? 'baseline', comparison.a), runRow('B', options.labelB ?? 'this run', comparison.b)],
    new Set(),
  );
  const warnings = comparison.warnings.map((warning) => `> **Note:** ${escapeMarkdown(warning)}`).join('\n>\n');
  const sections = [`# Comparison: ${escapeMarkdown(title)}`, `**${escapeMarkdown(comparison.summary.headline)}**`, runs, warnings];
  if (comparison.comparable) sections.push(mainTable(comparison), method(comparison), details(comparison));
  return sections.filter((section) => section !== '').join('\n\n') + '\n';
}
