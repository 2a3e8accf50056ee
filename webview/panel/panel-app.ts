// The results page: holds the run's model (the same shape as the host's snapshot), applies the host's messages to
// it, keeps the views up to date and saves a bounded copy for restoring the panel after a window reload.

import { LIVE_DECIMATION, LiveTimeline, PERSISTED_DECIMATION, decimateTimeline } from '../../src/extension/results-panel/chart-timeline';
import { finalFigures } from '../../src/extension/results-panel/live-figures';
import type { ChartPoint, HostMessage, LiveFigures, PanelSnapshot, RunInfo, RunState } from '../../src/extension/results-panel/messages';
import { findingKindLabel, severityLabel } from '../../src/core/findings/finding-text';
import type { Finding, MonitorSeries, RunResult } from '../../src/core/results';
import type { ChartPercentile } from '../../src/extension/run/setting-values';
import { sortStatusCodes } from '../report/chart-parts';
import { el } from '../report/dom';
import { LiveCharts, type ChartContext } from './live-charts';
import { RequestPicker } from './request-picker';
import { RequestsView } from './requests-view';
import { FindingsView, type FindingsPhase } from './findings-view';
import { chartedRequests, knownRequestNames } from './request-selection';
import { StateView } from './state-view';
import { TargetsView } from './targets-view';
import { readTheme, watchTheme, type Theme } from './theme';
import { TilesView } from './tiles-view';
import type { PanelChannel } from './vscode-api';

/** At most one saved state per this many milliseconds while ticks arrive. */
const SAVE_INTERVAL_MS = 5000;

interface Views {
  state: StateView;
  tiles: TilesView;
  targets: TargetsView;
  findings: FindingsView;
  picker: RequestPicker;
  charts: LiveCharts;
  requests: RequestsView;
}

export class PanelApp {
  private run: RunInfo;
  private state: RunState;
  private figures: LiveFigures | null;
  private result: RunResult | null;
  private selected: string[] | null;
  private chartPercentiles: ChartPercentile[];
  private findings: Finding[];
  private monitors: MonitorSeries[];
  private timeline: LiveTimeline;
  private readonly statusCodes = new Set<string>();
  private theme: Theme = readTheme();
  private views: Views;
  private readonly announcer = el('div', { className: 'visually-hidden', attributes: { 'aria-live': 'polite' } });
  private lastSave = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly channel: PanelChannel,
    snapshot: PanelSnapshot,
  ) {
    this.run = snapshot.run;
    this.state = snapshot.state;
    this.figures = snapshot.figures;
    this.result = snapshot.result;
    this.selected = snapshot.selectedRequests;
    this.chartPercentiles = snapshot.chartPercentiles;
    this.findings = snapshot.findings;
    this.monitors = snapshot.monitors;
    this.timeline = new LiveTimeline(LIVE_DECIMATION, snapshot.points);
    this.views = this.buildViews();
    this.renderAll();
    watchTheme((theme) => {
      this.theme = theme;
      this.views.charts.recreate(this.chartContext());
    });
  }

  /** Applies one message from the host. */
  receive(message: HostMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.applySnapshot(message.snapshot);
        return;
      case 'tick':
        this.applyTick(message.point, message.figures);
        return;
      case 'state':
        this.state = message.state;
        this.views.state.update(this.state);
        // A run that starts (or ends without a result) changes what the findings section says.
        this.renderFindings();
        this.save(true);
        return;
      case 'findings':
        this.findings = message.findings;
        this.renderFindings();
        this.views.charts.mark(this.chartContext());
        this.save(true);
        return;
      case 'monitors':
        this.monitors = message.series;
        this.views.charts.drawServerMetrics(this.chartContext());
        this.save(true);
        return;
      case 'finished':
        this.result = message.result;
        this.figures = finalFigures(this.run, message.result, this.figures?.targets ?? []);
        // The result's findings and series are the final ones.
        this.findings = message.result.findings;
        this.monitors = message.result.monitors ?? this.monitors;
        this.renderFigures();
        this.views.charts.draw(this.chartContext());
        this.save(true);
        return;
    }
  }

  /** The page's model as a snapshot, decimated for keeping when `persisted`. */
  snapshot(persisted = false): PanelSnapshot {
    const points = this.timeline.points;
    return {
      run: this.run,
      state: this.state,
      points: persisted ? decimateTimeline(points, PERSISTED_DECIMATION) : [...points],
      figures: this.figures,
      result: this.result,
      selectedRequests: this.selected,
      chartPercentiles: this.chartPercentiles,
      findings: this.findings,
      monitors: this.monitors,
    };
  }

  private applySnapshot(snapshot: PanelSnapshot): void {
    const sameRun = JSON.stringify(snapshot.run) === JSON.stringify(this.run);
    this.run = snapshot.run;
    this.state = snapshot.state;
    this.figures = snapshot.figures;
    this.result = snapshot.result;
    this.selected = snapshot.selectedRequests;
    this.chartPercentiles = snapshot.chartPercentiles;
    this.findings = snapshot.findings;
    this.monitors = snapshot.monitors;
    this.timeline = new LiveTimeline(LIVE_DECIMATION, snapshot.points);
    this.statusCodes.clear();
    if (!sameRun) this.views = this.buildViews();
    this.renderAll();
    this.save(true);
  }

  private applyTick(point: ChartPoint, figures: LiveFigures): void {
    const redraw = this.timeline.append(point);
    this.figures = figures;
    for (const code of Object.keys(point.statuses)) this.statusCodes.add(code);
    // A new status code or request adds a series: append() notices and redraws that chart only.
    const context = this.chartContext();
    if (redraw) this.views.charts.draw(context);
    else this.views.charts.append(context, point);
    this.renderFigures();
    this.save(false);
  }

  private buildViews(): Views {
    const picker = new RequestPicker((names) => this.selectRequests(names));
    const views: Views = {
      state: new StateView(this.run, {
        stop: (hard) => this.channel.post({ type: 'stop', hard }),
        openReport: (report) => this.channel.post({ type: 'openReport', report }),
        openScenario: (line) => this.channel.post({ type: 'openFile', path: this.run.scenarioFile, line }),
        openSetting: () => this.channel.post({ type: 'openSetting' }),
      }),
      tiles: new TilesView(this.run),
      targets: new TargetsView(
        this.run,
        (line) => this.channel.post({ type: 'openFile', path: this.run.scenarioFile, line }),
        (text) => {
          this.announcer.textContent = text;
        },
      ),
      findings: new FindingsView(),
      picker,
      // The picker sits with the chart it controls.
      charts: new LiveCharts({ 'per-request': picker.element }),
      requests: new RequestsView(),
    };
    this.root.replaceChildren(
      views.state.header,
      views.state.banner,
      views.tiles.element,
      views.targets.element,
      views.findings.element,
      el('section', { className: 'over-time', attributes: { 'aria-labelledby': 'over-time-heading' } }, [
        el('h2', { attributes: { id: 'over-time-heading' } }, ['Over time']),
        views.charts.element,
      ]),
      views.requests.element,
      this.announcer,
    );
    this.root.removeAttribute('aria-busy');
    return views;
  }

  private renderAll(): void {
    for (const point of this.timeline.points) for (const code of Object.keys(point.statuses)) this.statusCodes.add(code);
    this.views.state.update(this.state);
    this.views.charts.draw(this.chartContext());
    this.renderFigures();
  }

  private renderFigures(): void {
    this.views.tiles.update(this.figures);
    this.views.targets.update(this.figures);
    this.renderFindings();
    this.views.requests.update(this.figures);
    this.views.picker.update(this.knownNames(), this.chartedNames());
  }

  private renderFindings(): void {
    const appeared = this.views.findings.update(this.findings, this.findingsPhase());
    if (appeared.length === 0) return;
    const words = appeared.map((finding) => `${severityLabel(finding.severity)}, ${findingKindLabel(finding.kind)}: ${finding.message}`);
    this.announcer.textContent = `New finding${appeared.length === 1 ? '' : 's'}. ${words.join(' ')}`;
  }

  private findingsPhase(): FindingsPhase {
    if (this.result !== null) return 'final';
    if (this.state.kind === 'running' || this.state.kind === 'stopping') return 'live';
    if (this.findings.length === 0) return 'before';
    // A run that ended without a result (interrupted, failed outside k6) keeps the last findings, and no more come.
    return this.state.kind === 'waiting' ? 'live' : 'final';
  }

  private selectRequests(names: string[]): void {
    this.selected = names;
    this.channel.post({ type: 'selectRequests', names });
    this.views.charts.draw(this.chartContext());
    this.save(true);
  }

  private knownNames(): string[] {
    return knownRequestNames(this.run, this.figures?.perRequest.map((row) => row.name) ?? []);
  }

  private chartedNames(): string[] {
    return chartedRequests(this.run, this.knownNames(), this.selected);
  }

  private chartContext(): ChartContext {
    return {
      run: this.run,
      points: this.timeline.points,
      figures: this.figures,
      theme: this.theme,
      selectedRequests: this.chartedNames(),
      chartPercentiles: this.chartPercentiles,
      statusCodes: sortStatusCodes(this.statusCodes),
      findings: this.findings,
      monitors: this.monitors,
    };
  }

  /** Saves the state for a window reload: at once for state changes, at most every few seconds for ticks. */
  private save(now: boolean): void {
    const due = this.lastSave + SAVE_INTERVAL_MS - Date.now();
    if (now || due <= 0) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.lastSave = Date.now();
      this.channel.save({ version: 1, snapshot: this.snapshot(true) });
      return;
    }
    this.saveTimer ??= setTimeout(() => this.save(true), due);
  }
}
