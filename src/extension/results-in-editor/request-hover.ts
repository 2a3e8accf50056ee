// The hover of a request after a run: its figures as a small table, the verdicts of its own targets, and a link
// to the run's report. Markdown only, so it is tested without an editor.
import { formatCount, formatMs, formatPercent, formatRate, formatUtc, targetLabel } from '../../core/report/format';
import type { RequestStats } from '../../core/results';
import { targetVerdict } from './annotation-text';
import type { TargetAnnotation } from './run-annotations';

export interface RequestHoverInput {
  stats: RequestStats;
  /** The request's own targets that still match the scenario. */
  targets: readonly TargetAnnotation[];
  /** When the run started (ISO-8601). */
  startedAt: string;
  /** A Markdown link target that opens the run's report.html. */
  reportLink: string;
}

/** Markdown for a request's hover: its figures, its targets and the report link. */
export function requestHoverMarkdown(input: RequestHoverInput): string {
  const { stats } = input;
  const errorRate = stats.count === 0 ? 'n/a' : `${formatPercent(stats.failures / stats.count)} (${formatCount(stats.failures)})`;
  const lines = [
    `**${escapeMarkdown(stats.name)}** · ${stats.method} · last run ${formatUtc(input.startedAt)}`,
    '',
    '| requests | errors | p50 | p95 | p99 | max | req/s |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${formatCount(stats.count)} | ${errorRate} | ${formatMs(stats.p50)} | ${formatMs(stats.p95)} | ${formatMs(stats.p99)} | ${formatMs(stats.max)} | ${formatRate(stats.rps)} |`,
    '',
  ];
  for (const target of input.targets) lines.push(`- ${escapeMarkdown(targetLabel(target.result))}: ${escapeMarkdown(targetVerdict(target.result))}`);
  if (input.targets.length > 0) lines.push('');
  lines.push(`[Open report.html](${input.reportLink})`);
  return lines.join('\n');
}

/** Request names are the user's words: they must not turn into Markdown (or break the table). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (character) => `\\${character}`);
}
