// One run as the results panel sees it: turns the runner's events into panel messages and keeps what a snapshot
// needs, in bounded memory (decimated chart points, one row per request name), so a panel that is reloaded or
// opened late redraws everything. No editor code: the panel class only carries the messages.

import type { Finding, MonitorSeries, RunResult } from '../../core/results';
import type { RunEvent } from '../../core/run/run-events';
import { decodeChartPercentiles, DEFAULT_CHART_PERCENTILES, type ChartPercentile } from '../run/setting-values';
import { chartPointOf, LIVE_DECIMATION, LiveTimeline } from './chart-timeline';
import { finalFigures, LiveTally } from './live-figures';
import type { HostMessage, LiveFigures, PanelSnapshot, ReportLinks, RunInfo, RunState } from './messages';

const INTERRUPTED_MESSAGE =
  'This run was still going when the window was reloaded, and it ended with the window: it has no reports. The charts show what was measured until then.';

/** The panel state a finished result leads to. */
export function stateForResult(result: RunResult, reports: ReportLinks | null): RunState {
  switch (result.outcome) {
    case 'k6-missing':
      return { kind: 'k6-missing', message: result.outcomeMessage, reports };
    case 'script-error':
    case 'k6-crashed':
    case 'invalid-config':
      return { kind: 'failed', message: result.outcomeMessage, reports };
    case 'completed':
    case 'thresholds-failed':
    case 'stopped':
    case 'killed':
      return { kind: 'finished', verdict: result.verdict, outcome: result.outcome, message: result.outcomeMessage, reports };
  }
}

/** True when the run can no longer change. */
export function isTerminalState(state: RunState): boolean {
  return state.kind === 'finished' || state.kind === 'failed' || state.kind === 'k6-missing' || state.kind === 'interrupted';
}

export class RunFeed {
  private state: RunState = { kind: 'waiting' };
  private readonly timeline: LiveTimeline;
  private readonly tally: LiveTally;
  private figures: LiveFigures | null = null;
  private result: RunResult | null = null;
  private selected: string[] | null = null;
  private findings: Finding[] = [];
  private monitors: MonitorSeries[] = [];
  private readonly chartPercentiles: ChartPercentile[];

  /** `chartPercentiles` are the overall latency lines the panel charts (known ones, in chart order). */
  constructor(
    readonly run: RunInfo,
    chartPercentiles: readonly ChartPercentile[] = DEFAULT_CHART_PERCENTILES,
    restored?: PanelSnapshot,
  ) {
    this.chartPercentiles = decodeChartPercentiles(chartPercentiles);
    this.tally = new LiveTally(run);
    this.timeline = new LiveTimeline(LIVE_DECIMATION, restored?.points ?? []);
    if (restored !== undefined) {
      this.state = isTerminalState(restored.state) ? restored.state : { kind: 'interrupted', message: INTERRUPTED_MESSAGE };
      this.figures = restored.figures;
      this.result = restored.result;
      this.selected = restored.selectedRequests;
      this.findings = restored.findings;
      this.monitors = restored.monitors;
    }
  }

  /** A feed for a panel restored after a window reload; a run that was still going is marked interrupted. */
  static restore(snapshot: PanelSnapshot): RunFeed {
    return new RunFeed(snapshot.run, snapshot.chartPercentiles, snapshot);
  }

  /** The messages one runner event leads to. */
  apply(event: RunEvent): HostMessage[] {
    if (isTerminalState(this.state) && event.type !== 'finished') return [];
    switch (event.type) {
      case 'started':
        return this.setState({ kind: 'running', startedAt: event.startedAt, k6Version: event.k6Version });
      case 'tick': {
        const point = chartPointOf(event.point);
        this.timeline.append(point);
        this.figures = this.tally.add(event.point, event.totals);
        return [{ type: 'tick', point, figures: this.figures }];
      }
      case 'monitors':
        this.monitors = [...event.series];
        return [{ type: 'monitors', series: this.monitors }];
      case 'findings':
        this.findings = [...event.findings];
        return [{ type: 'findings', findings: this.findings }];
      case 'log':
        return [];
      case 'stopping':
        if (this.state.kind === 'stopping' && this.state.hard) return [];
        return this.setState({ kind: 'stopping', hard: event.hard, reason: event.reason });
      case 'finished':
        return this.finish(event.result, null);
    }
  }

  /** The run is over and its reports are written (also for runs that never emitted `finished`, e.g. no k6). */
  reportsWritten(result: RunResult, reports: ReportLinks): HostMessage[] {
    return this.finish(result, reports);
  }

  /** The run could not start or go on, for a reason outside k6 (an invalid scenario, an unexpected error). */
  fail(message: string): HostMessage[] {
    if (isTerminalState(this.state)) return [];
    return this.setState({ kind: 'failed', message, reports: null });
  }

  /** Remembers which request names the panel charts by latency (names the run does not know are dropped). */
  selectRequests(names: readonly string[]): void {
    const known = new Set([...this.run.requests.map((request) => request.name), ...(this.figures?.perRequest.map((row) => row.name) ?? [])]);
    this.selected = [...new Set(names)].filter((name) => known.has(name));
  }

  /** Everything a panel needs to draw this run from nothing. */
  snapshot(): PanelSnapshot {
    return {
      run: this.run,
      state: this.state,
      points: [...this.timeline.points],
      figures: this.figures,
      result: this.result,
      selectedRequests: this.selected,
      chartPercentiles: [...this.chartPercentiles],
      findings: this.findings,
      monitors: this.monitors,
    };
  }

  get currentState(): RunState {
    return this.state;
  }

  private finish(result: RunResult, reports: ReportLinks | null): HostMessage[] {
    const messages: HostMessage[] = [];
    if (this.result === null) {
      // The timeline can be an hour of seconds: the charts already have it, decimated.
      this.result = { ...result, timeline: [] };
      this.figures = finalFigures(this.run, this.result, this.figures?.targets ?? this.tally.targetStates);
      // The final findings replace the live ones; the series keep the last ones sent when the result has none.
      this.findings = result.findings;
      this.monitors = result.monitors ?? this.monitors;
      messages.push({ type: 'finished', result: this.result });
    }
    // A late `finished` must not take back report links already shown.
    if (this.state.kind === 'interrupted' || (reports === null && isTerminalState(this.state))) return messages;
    return [...messages, ...this.setState(stateForResult(result, reports))];
  }

  private setState(state: RunState): HostMessage[] {
    this.state = state;
    return [{ type: 'state', state }];
  }
}
