// The words of the status-bar item and the progress notification while a run goes.

import { formatClock, formatCount, formatRate } from '../../core/report/format';

export interface RunProgressFigures {
  scenario: string;
  elapsedSeconds: number;
  plannedSeconds: number;
  users: number;
  rps: number | null;
  phase: 'starting' | 'running' | 'stopping' | 'ending';
}

/** The status-bar text, with a codicon: `$(pulse) 0:12 · 30 users · 65.2/s`. */
export function statusBarText(figures: RunProgressFigures): string {
  const icon = figures.phase === 'running' ? '$(pulse)' : '$(loading~spin)';
  if (figures.phase === 'starting') return `${icon} Loadscope: starting k6`;
  const parts = [formatClock(figures.elapsedSeconds), `${formatCount(figures.users)} users`, figures.rps === null ? 'n/a req/s' : `${formatRate(figures.rps).replace(/\/s$/, '')} req/s`];
  const prefix = figures.phase === 'running' ? '' : `${figures.phase} · `;
  return `${icon} ${prefix}${parts.join(' · ')}`;
}

/** The status-bar tooltip. */
export function statusBarTooltip(figures: RunProgressFigures): string {
  const planned = figures.plannedSeconds > 0 ? ` of ${formatClock(figures.plannedSeconds)} planned` : '';
  return `Loadscope: ${figures.scenario}, ${phaseWords(figures.phase)}, ${formatClock(figures.elapsedSeconds)}${planned}. Click to show the results.`;
}

/** The progress notification's line. */
export function progressMessage(figures: RunProgressFigures): string {
  switch (figures.phase) {
    case 'starting':
      return 'starting k6…';
    case 'stopping':
      return 'stopping gracefully: k6 finishes the iterations in flight and the reports are still written. Cancel again to end k6 at once.';
    case 'ending':
      return 'ending k6 at once…';
    case 'running': {
      const planned = figures.plannedSeconds > 0 ? ` / ${formatClock(figures.plannedSeconds)}` : '';
      return `${formatClock(figures.elapsedSeconds)}${planned} · ${formatCount(figures.users)} users · ${formatRate(figures.rps)}`;
    }
  }
}

/** Percent of the planned time that one more tick adds (for the notification's bar), never past 100 in total. */
export function progressIncrement(previousSeconds: number, elapsedSeconds: number, plannedSeconds: number): number {
  if (plannedSeconds <= 0) return 0;
  const clamp = (seconds: number) => Math.min(100, Math.max(0, (seconds / plannedSeconds) * 100));
  return Math.max(0, clamp(elapsedSeconds) - clamp(previousSeconds));
}

function phaseWords(phase: RunProgressFigures['phase']): string {
  switch (phase) {
    case 'starting':
      return 'starting k6';
    case 'running':
      return 'running';
    case 'stopping':
      return 'stopping';
    case 'ending':
      return 'ending k6';
  }
}
