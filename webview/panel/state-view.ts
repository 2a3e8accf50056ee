// The panel's header (scenario, load, state, Stop) and the banner for the run's state: waiting for k6, stopping,
// finished with the report links, failed with k6's message, k6 missing with the way to fix it.

import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { formatDuration, outcomeLabel, verdictLabel } from '../../src/core/report/format';
import type { ReportKind, ReportLinks, RunInfo, RunState } from '../../src/extension/results-panel/messages';
import { el } from '../report/dom';

export interface StateActions {
  stop(hard: boolean): void;
  openReport(kind: ReportKind): void;
  openScenario(line: number | null): void;
  openSetting(): void;
}

const K6_INSTALL_URL = 'https://grafana.com/docs/k6/latest/set-up/install-k6/';

function button(label: string, onClick: () => void, options: { secondary?: boolean; ariaLabel?: string } = {}): HTMLElement {
  const element = el('vscode-button', { attributes: options.ariaLabel === undefined ? {} : { 'aria-label': options.ariaLabel } }, [label]);
  if (options.secondary === true) element.setAttribute('secondary', '');
  element.addEventListener('click', onClick);
  return element;
}

function badgeText(state: RunState): string {
  switch (state.kind) {
    case 'waiting':
      return 'waiting for k6';
    case 'running':
      return 'running';
    case 'stopping':
      return state.hard ? 'ending k6' : 'stopping';
    case 'finished':
      return verdictLabel(state.verdict);
    case 'failed':
      return 'failed';
    case 'k6-missing':
      return 'k6 missing';
    case 'interrupted':
      return 'interrupted';
  }
}

function preformatted(text: string): HTMLElement {
  const element = el('pre', { className: 'message' });
  element.textContent = text;
  return element;
}

export class StateView {
  readonly header: HTMLElement;
  readonly banner: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly stopButton: HTMLElement;
  private shown = '';
  private state: RunState | undefined;

  constructor(
    run: RunInfo,
    private readonly actions: StateActions,
  ) {
    const scenarioLink = el('a', { className: 'scenario-link', attributes: { href: '#', title: `Open ${run.scenarioFile}` } }, [run.scenario]);
    scenarioLink.addEventListener('click', (event) => {
      event.preventDefault();
      actions.openScenario(null);
    });
    this.badge = el('vscode-badge', { className: 'state-badge', attributes: { 'aria-label': 'run state' } });
    this.stopButton = button('Stop', () => this.onStop(), { ariaLabel: 'Stop the load test' });
    const meta = [
      ...(run.environment === undefined ? [] : [`environment ${run.environment}`]),
      ...run.load.map((group) => (run.load.length > 1 ? `${group.group}: ${group.description}` : group.description)),
      run.plannedSeconds > 0 ? `planned ${formatDuration(run.plannedSeconds)}` : '',
    ].filter((part) => part !== '');
    this.header = el('header', { className: 'run-header' }, [
      el('div', { className: 'title-row' }, [el('h1', {}, [scenarioLink]), this.badge, el('span', { className: 'spacer' }), this.stopButton]),
      el('p', { className: 'muted run-meta' }, [meta.join(' · ')]),
    ]);
    this.banner = el('section', { className: 'state-banner', attributes: { role: 'status', 'aria-live': 'polite' } });
  }

  /** Shows a state; the banner is rebuilt only when the state itself changed. */
  update(state: RunState): void {
    const key = JSON.stringify(state);
    if (key === this.shown) return;
    this.shown = key;
    this.state = state;
    this.badge.textContent = badgeText(state);
    this.badge.dataset.state = state.kind === 'finished' ? state.verdict : state.kind;
    const live = state.kind === 'waiting' || state.kind === 'running' || state.kind === 'stopping';
    this.stopButton.hidden = !live;
    this.stopButton.textContent = state.kind === 'stopping' ? 'Stop now' : 'Stop';
    this.stopButton.setAttribute('aria-label', state.kind === 'stopping' ? 'End k6 at once (partial data, no summary)' : 'Stop the load test');
    if (state.kind === 'stopping' && state.hard) this.stopButton.setAttribute('disabled', '');
    else this.stopButton.removeAttribute('disabled');
    this.banner.dataset.state = state.kind;
    this.banner.replaceChildren(...this.bannerContent(state));
    this.banner.hidden = this.banner.childElementCount === 0;
  }

  private onStop(): void {
    // The second press, while k6 is stopping gracefully, ends it at once.
    this.actions.stop(this.state?.kind === 'stopping');
  }

  private bannerContent(state: RunState): HTMLElement[] {
    switch (state.kind) {
      case 'waiting':
        return [el('div', { className: 'waiting' }, [el('vscode-progress-ring', { attributes: { 'aria-label': 'Waiting for k6' } }), el('span', {}, ['Waiting for k6 to start…'])])];
      case 'running':
        return [];
      case 'stopping':
        return [
          el('p', {}, [
            state.hard
              ? `Ending k6 at once (${state.reason}): the figures so far are kept, k6 writes no summary.`
              : `Stopping (${state.reason}): k6 finishes the iterations in flight and writes its summary. "Stop now" ends it at once.`,
          ]),
        ];
      case 'finished':
        return [el('p', { className: `verdict verdict-${state.verdict}` }, [`${verdictLabel(state.verdict)}: ${outcomeLabel(state.outcome)}`]), ...this.outcome(state.message, state.verdict !== 'pass'), ...this.reports(state.reports, true)];
      case 'failed':
        return [el('p', { className: 'verdict verdict-error' }, ['The load test failed']), preformatted(state.message), ...this.reports(state.reports, false)];
      case 'k6-missing': {
        const install = el('a', { attributes: { href: K6_INSTALL_URL } }, ['How to install k6']);
        return [
          el('p', { className: 'verdict verdict-error' }, ['No usable k6 was found']),
          preformatted(state.message),
          el('div', { className: 'actions' }, [button('Open the k6 path setting', () => this.actions.openSetting()), install]),
          ...this.reports(state.reports, false),
        ];
      }
      case 'interrupted':
        return [el('p', { className: 'verdict verdict-stopped' }, ['Interrupted']), el('p', {}, [state.message])];
    }
  }

  private outcome(message: string, show: boolean): HTMLElement[] {
    return show && message.trim() !== '' ? [preformatted(message)] : [];
  }

  /** The report buttons; without links yet, a note when reports are surely coming (a run that measured). */
  private reports(reports: ReportLinks | null, coming: boolean): HTMLElement[] {
    if (reports === null) return coming ? [el('p', { className: 'muted' }, ['Writing the reports…'])] : [];
    return [
      el('div', { className: 'actions' }, [
        button('Open report.html', () => this.actions.openReport('html')),
        button('Open report.md', () => this.actions.openReport('markdown'), { secondary: true }),
        button('Show the report folder', () => this.actions.openReport('folder'), { secondary: true }),
      ]),
      el('p', { className: 'muted' }, [`Reports in ${reports.folderLabel}`]),
    ];
  }
}
