// A row per target with its verdict, which turns red the moment the live value crosses the threshold, and a
// spoken note when that happens.

import { formatClock, formatTargetValue, targetLabel } from '../../src/core/report/format';
import type { LiveFigures, LiveTargetState, LiveTargetStatus, RunInfo, TargetSpec } from '../../src/extension/results-panel/messages';
import { el, note } from '../report/dom';

const STATUS_TEXT: Record<LiveTargetStatus, string> = { pass: 'PASS', fail: 'FAIL', 'no-data': 'NO DATA', 'at-end': 'AT END' };

/** The value shown for a target: its unit, and "≈" for an estimate. */
export function targetValueText(spec: TargetSpec, state: LiveTargetState): string {
  if (state.status === 'at-end') return 'judged at the end';
  const value = formatTargetValue(spec.metric, state.actual);
  return state.estimate && state.actual !== null ? `≈ ${value}` : value;
}

/** One sentence for screen readers when a target fails live. */
export function failureAnnouncement(state: LiveTargetState, spec: TargetSpec): string {
  const when = state.firstFailedAt === null ? '' : ` at ${formatClock(state.firstFailedAt)}`;
  return `Target ${state.label} crossed${when}: ${targetValueText(spec, state)}.`;
}

interface Row {
  element: HTMLElement;
  chip: HTMLElement;
  value: HTMLElement;
  margin: HTMLElement;
  status: LiveTargetStatus | undefined;
}

export class TargetsView {
  readonly element: HTMLElement;
  private readonly rows: Row[];

  constructor(
    private readonly run: RunInfo,
    openAt: (line: number) => void,
    private readonly announce: (text: string) => void,
  ) {
    this.rows = run.targets.map((spec) => {
      const chip = el('span', { className: 'chip' });
      const value = el('span', { className: 'target-value' });
      const margin = el('span', { className: 'target-margin muted' });
      const label = el('a', { className: 'target-label', attributes: { href: '#', title: `Open the scenario at line ${spec.line}` } }, [targetLabel(spec)]);
      label.addEventListener('click', (event) => {
        event.preventDefault();
        openAt(spec.line);
      });
      const element = el('li', { className: 'target' }, [chip, label, value, margin]);
      return { element, chip, value, margin, status: undefined };
    });
    const body = run.targets.length === 0 ? [note('No targets were set in this scenario.')] : [el('ul', { className: 'targets-list' }, this.rows.map((row) => row.element))];
    this.element = el('section', { className: 'targets', attributes: { 'aria-labelledby': 'targets-heading' } }, [el('h2', { attributes: { id: 'targets-heading' } }, ['Targets']), ...body]);
  }

  update(figures: LiveFigures | null): void {
    this.run.targets.forEach((spec, index) => {
      const row = this.rows[index];
      if (row === undefined) return;
      const state = figures?.targets[index];
      if (state === undefined) {
        row.chip.textContent = STATUS_TEXT['no-data'];
        row.element.dataset.status = 'no-data';
        return;
      }
      if (state.status === 'fail' && row.status !== undefined && row.status !== 'fail' && !state.final) this.announce(failureAnnouncement(state, spec));
      row.status = state.status;
      row.element.dataset.status = state.status;
      row.chip.textContent = STATUS_TEXT[state.status];
      row.value.textContent = targetValueText(spec, state);
      const crossed = state.firstFailedAt !== null && state.status !== 'fail' ? `; crossed at ${formatClock(state.firstFailedAt)}` : '';
      row.margin.textContent = `${state.final ? 'final: ' : ''}${state.margin}${crossed}`;
    });
  }
}

