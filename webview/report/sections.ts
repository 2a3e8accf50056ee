// The page's text sections (run details, totals, targets, requests, errors, statuses, load), all from the run data.

import { evidenceText, findingKindLabel, severityLabel } from '../../src/core/findings/finding-text';
import type { RunResult } from '../../src/core/results';
import { errorsByKind, statusTotals } from '../../src/core/report/error-summary';
import { monitorSummary } from '../../src/core/report/monitor-summary';
import type { MonitorSummaryRow } from '../../src/core/report/monitor-summary';
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
} from '../../src/core/report/format';
import { dataTable, el, note, section } from './dom';
import type { Column } from './dom';

/** When, where and how the run ended. */
export function runDetailsSection(result: RunResult): HTMLElement {
  const rows: [string, string][] = [
    ['Started', formatUtc(result.startedAt)],
    ['Ended', formatUtc(result.endedAt)],
    ['Duration', formatDuration(result.durationSeconds)],
    ...(result.environment === undefined ? [] : [['Environment', result.environment] as [string, string]]),
    ['Scenario file', result.scenarioFile],
    ['k6', `${result.k6.version === '' ? 'version unknown' : result.k6.version} (${result.k6.exitCode === null ? 'no exit code' : `exit code ${result.k6.exitCode}`})`],
    ['Outcome', outcomeLabel(result.outcome)],
  ];
  const columns: Column<[string, string]>[] = [
    { header: '', cell: ([label]) => label },
    { header: '', cell: ([, value]) => value },
  ];
  const children: HTMLElement[] = [dataTable(columns, rows)];
  const explained = result.outcome === 'completed' && result.verdict === 'pass';
  if (!explained && result.outcomeMessage.trim() !== '') {
    const message = el('pre', { className: 'outcome' });
    message.textContent = result.outcomeMessage;
    children.push(message);
  }
  return section('Run', children);
}

function tile(label: string, value: string): HTMLElement {
  return el('div', { className: 'tile' }, [el('div', { className: 'label' }, [label]), el('div', { className: 'value' }, [value])]);
}

/** Headline figures as tiles. */
export function totalsSection(result: RunResult): HTMLElement {
  const totals = result.totals;
  if (totals.requests === 0 && totals.iterations === 0) return section('Totals', [note('Nothing was measured.')]);
  const measured = totals.requests > 0;
  const ms = (value: number) => formatMs(measured ? value : null);
  const tiles = el('div', { className: 'tiles' }, [
    tile('Requests', formatCount(totals.requests)),
    tile('Failures', formatCount(totals.failures)),
    tile('Error rate', formatPercent(measured ? totals.errorRate : null)),
    tile('Requests/s', formatRate(totals.rps)),
    tile('Median', ms(totals.p50)),
    tile('p95', ms(totals.p95)),
    tile('p99', ms(totals.p99)),
    tile('Max', ms(totals.max)),
    tile('Peak users', formatCount(totals.maxUsers)),
    tile('Iterations', formatCount(totals.iterations)),
  ]);
  const extra = [
    totals.droppedIterations > 0 ? `${formatCount(totals.droppedIterations)} iterations dropped (the load generator could not start them in time).` : '',
    `Data received ${formatBytes(totals.dataReceivedBytes)}, sent ${formatBytes(totals.dataSentBytes)}.`,
    totals.checks.passes + totals.checks.fails > 0 ? `Checks: ${formatCount(totals.checks.passes)} passed, ${formatCount(totals.checks.fails)} failed.` : '',
  ].filter((text) => text !== '');
  return section('Totals', [tiles, note(extra.join(' '))]);
}

/** Each target with its measured value, verdict and margin. */
export function targetsSection(result: RunResult): HTMLElement {
  if (result.targets.length === 0) return section('Targets', [note('No targets were set.')]);
  type Target = RunResult['targets'][number];
  const verdictClass = (target: Target) => targetVerdictLabel(target).replace(' ', '-');
  const columns: Column<Target>[] = [
    { header: 'Target', cell: targetLabel },
    { header: 'Actual', cell: (target) => formatTargetValue(target.metric, target.actual), numeric: true },
    { header: 'Verdict', cell: (target) => targetVerdictLabel(target).toUpperCase(), cellClass: verdictClass },
    { header: 'Margin', cell: targetSentence },
  ];
  return section('Targets', [dataTable(columns, result.targets)]);
}

/** What the measurements say: each finding with its suggestion, and its evidence folded away. */
export function findingsSection(result: RunResult): HTMLElement {
  if (result.findings.length === 0) {
    const why = isOutcomeWithoutData(result.outcome) ? 'nothing was measured' : 'nothing stood out (short runs and runs with too little data get none rather than a guess)';
    return section('Findings', [note(`No findings: ${why}.`)]);
  }
  const items = result.findings.map((finding) =>
    el('li', { className: `finding ${finding.severity}` }, [
      el('p', {}, [el('strong', {}, [`${severityLabel(finding.severity)}, ${findingKindLabel(finding.kind)}.`]), ' ', finding.message]),
      el('p', { className: 'muted' }, [`Suggestion: ${finding.suggestion}`]),
      el('details', {}, [el('summary', { className: 'muted' }, ['Evidence']), el('p', { className: 'muted' }, [evidenceText(finding)])]),
    ]),
  );
  return section('Findings', [el('ul', { className: 'findings' }, items)]);
}

/** The server-side series as a table (the same as report.md's) with the charts under it; undefined without monitors. */
export function serverMetricsSection(result: RunResult, charts: readonly HTMLElement[]): HTMLElement | undefined {
  const summary = monitorSummary(result);
  if (summary === undefined) return undefined;
  const columns: Column<MonitorSummaryRow>[] = [
    { header: 'Monitor', cell: (row) => row.monitor },
    { header: 'Series', cell: (row) => row.series },
    { header: 'Min', cell: (row) => row.min, numeric: true },
    { header: 'Average', cell: (row) => row.avg, numeric: true },
    { header: 'Max', cell: (row) => row.max, numeric: true },
    { header: 'Capacity', cell: (row) => row.capacity, numeric: true },
    { header: summary.atPeakLoadHeader, cell: (row) => row.atPeakLoad, numeric: true },
    ...(summary.anyProblem ? [{ header: 'Problem', cell: (row: MonitorSummaryRow) => row.problem }] : []),
  ];
  return section('Server metrics', [note(summary.explanation), dataTable(columns, summary.rows), ...charts]);
}

/** Per-request statistics with every percentile. */
export function requestsSection(result: RunResult): HTMLElement {
  if (result.requests.length === 0) return section('Requests', [note('No requests were made.')]);
  type Request = RunResult['requests'][number];
  const showGroup = new Set(result.requests.map((request) => request.group)).size > 1;
  const ms = (pick: (request: Request) => number) => (request: Request) => formatMs(request.count > 0 ? pick(request) : null);
  const columns: Column<Request>[] = [
    { header: 'Method', cell: (request) => request.method },
    { header: 'Name', cell: (request) => request.name },
    ...(showGroup ? [{ header: 'Group', cell: (request: Request) => request.group }] : []),
    { header: 'Count', cell: (request) => formatCount(request.count), numeric: true },
    { header: 'Failures', cell: (request) => formatCount(request.failures), numeric: true },
    { header: 'Avg', cell: ms((request) => request.avg), numeric: true },
    { header: 'Min', cell: ms((request) => request.min), numeric: true },
    { header: 'p50', cell: ms((request) => request.p50), numeric: true },
    { header: 'p90', cell: ms((request) => request.p90), numeric: true },
    { header: 'p95', cell: ms((request) => request.p95), numeric: true },
    { header: 'p99', cell: ms((request) => request.p99), numeric: true },
    { header: 'Max', cell: ms((request) => request.max), numeric: true },
    { header: 'Requests/s', cell: (request) => formatRate(request.rps), numeric: true },
    { header: 'Avg size', cell: (request) => formatBytes(request.avgSize), numeric: true },
  ];
  return section('Requests', [dataTable(columns, result.requests)]);
}

/** Errors by kind and by request. */
export function errorsSection(result: RunResult): HTMLElement {
  if (result.errors.length === 0) return section('Errors', [note('No errors.')]);
  const kinds = errorsByKind(result.errors, result.totals.requests);
  type Kind = (typeof kinds)[number];
  type ErrorRow = RunResult['errors'][number];
  const kindColumns: Column<Kind>[] = [
    { header: 'Error', cell: (kind) => kind.error },
    { header: 'Occurrences', cell: (kind) => formatCount(kind.occurrences), numeric: true },
    { header: 'Share of requests', cell: (kind) => formatPercent(kind.shareOfRequests), numeric: true },
    { header: 'Requests', cell: (kind) => kind.requests.join(', ') },
    { header: 'First seen', cell: (kind) => formatUtc(kind.firstSeen) },
    { header: 'Last seen', cell: (kind) => formatUtc(kind.lastSeen) },
  ];
  const requestColumns: Column<ErrorRow>[] = [
    { header: 'Method', cell: (error) => error.method },
    { header: 'Name', cell: (error) => error.name },
    { header: 'Error', cell: (error) => error.error },
    { header: 'Occurrences', cell: (error) => formatCount(error.occurrences), numeric: true },
  ];
  return section('Errors', [el('h3', {}, ['By kind']), dataTable(kindColumns, kinds), el('h3', {}, ['By request']), dataTable(requestColumns, result.errors)]);
}

/** Responses by status code over the whole run; nothing when there is no timeline. */
export function statusSection(result: RunResult): HTMLElement | undefined {
  const statuses = statusTotals(result.timeline);
  if (statuses.length === 0) return undefined;
  type Status = (typeof statuses)[number];
  const columns: Column<Status>[] = [
    { header: 'Status', cell: (status) => (status.status === '0' ? '0 (network error)' : status.status) },
    { header: 'Responses', cell: (status) => formatCount(status.responses), numeric: true },
    { header: 'Share', cell: (status) => formatPercent(status.share), numeric: true },
  ];
  return section('Responses by status code', [dataTable(columns, statuses)]);
}

/** The load model of each user group. */
export function loadSection(result: RunResult): HTMLElement {
  if (result.load.length === 0) return section('Load', [note('No load model recorded.')]);
  type Load = RunResult['load'][number];
  const columns: Column<Load>[] = [
    { header: 'Group', cell: (group) => group.group },
    { header: 'Model', cell: (group) => (group.model === 'open' ? 'open (arrival rate)' : 'closed (users)') },
    { header: 'Load', cell: (group) => group.description },
  ];
  return section('Load', [dataTable(columns, result.load)]);
}
