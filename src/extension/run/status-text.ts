// The words of the status-bar item and the progress notification while a run (or a suite of runs) goes.

import { formatClock, formatCount, formatRate } from '../../core/report/format';
import { suiteProgressLabel, type SuitePosition } from './suite-position';

export interface RunProgressFigures {
  scenario: string;
  elapsedSeconds: number;
  plannedSeconds: number;
  users: number;
  rps: number | null;
  phase: 'starting' | 'running' | 'stopping' | 'ending';
  /** Set while the run is one scenario of a suite. */
  suite?: SuitePosition;
}

/** The status-bar text, with a codicon: `$(pulse) 0:12 · 30 users · 65.2/s`, after `Suite 2/5 ·` in a suite. */
export function statusBarText(figures: RunProgressFigures): string {
  const icon = figures.phase === 'running' ? '$(pulse)' : '$(loading~spin)';
  const suite = figures.suite === undefined ? '' : `Suite ${figures.suite.index + 1}/${figures.suite.count} · `;
  if (figures.phase === 'starting') return `${icon} ${suite}Loadscope: starting k6`;
  const parts = [formatClock(figures.elapsedSeconds), `${formatCount(figures.users)} users`, figures.rps === null ? 'n/a req/s' : `${formatRate(figures.rps).replace(/\/s$/, '')} req/s`];
  const prefix = figures.phase === 'running' ? '' : `${figures.phase} · `;
  return `${icon} ${prefix}${suite}${parts.join(' · ')}`;
}

/** The status-bar tooltip. */
export function statusBarTooltip(figures: RunProgressFigures): string {
  const planned = figures.plannedSeconds > 0 ? ` of ${formatClock(figures.plannedSeconds)} planned` : '';
  const suite = figures.suite === undefined ? '' : ` Scenario ${figures.suite.index + 1} of ${figures.suite.count} of the suite "${figures.suite.suite}".`;
  return `Loadscope: ${figures.scenario}, ${phaseWords(figures.phase)}, ${formatClock(figures.elapsedSeconds)}${planned}.${suite} Click to show the results.`;
}

/** The progress notification's line; in a suite it starts with which scenario runs. */
export function progressMessage(figures: RunProgressFigures): string {
  const message = phaseMessage(figures);
  return figures.suite === undefined ? message : `${suiteProgressLabel(figures.suite, figures.scenario)} · ${message}`;
}

function phaseMessage(figures: RunProgressFigures): string {
  switch (figures.phase) {
    case 'starting':
      return 'starting k6…';
    case 'stopping':
      return figures.suite === undefined
        ? 'stopping gracefully: k6 finishes the iterations in flight and the reports are still written. Cancel again to end k6 at once.'
        : 'stopping gracefully: k6 finishes the iterations in flight, the reports are still written and the rest of the suite is skipped. Cancel again to end k6 at once.';
    case 'ending':
      return 'ending k6 at once…';
    case 'running': {
      const planned = figures.plannedSeconds > 0 ? ` / ${formatClock(figures.plannedSeconds)}` : '';
      return `${formatClock(figures.elapsedSeconds)}${planned} · ${formatCount(figures.users)} users · ${formatRate(figures.rps)}`;
    }
  }
}

/**
 * How far the notification's bar is, 0 to 100: the share of planned time elapsed, and in a suite each scenario an
 * equal share of the bar. A run past its planned time stays at the end of its share.
 */
export function progressPercent(figures: Pick<RunProgressFigures, 'elapsedSeconds' | 'plannedSeconds' | 'suite'>): number {
  const share = figures.plannedSeconds > 0 ? Math.min(1, Math.max(0, figures.elapsedSeconds / figures.plannedSeconds)) : 0;
  const suite = figures.suite;
  if (suite === undefined || suite.count <= 0) return share * 100;
  return Math.min(100, ((Math.min(suite.index, suite.count - 1) + share) / suite.count) * 100);
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
