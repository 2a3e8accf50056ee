// The figures at a glance: elapsed against planned, users, requests per second, p95, errors, requests. Each tile
// shows the current value and, below it, the figure for the run so far.

import { formatClock, formatCount, formatMs, formatPercent, formatRate } from '../../src/core/report/format';
import type { LiveFigures, RunInfo } from '../../src/extension/results-panel/messages';
import { el } from '../report/dom';

interface Tile {
  value: HTMLElement;
  detail: HTMLElement;
}

/** The text of every tile for some figures (null before the first second). */
export function tileTexts(run: RunInfo, figures: LiveFigures | null): { label: string; value: string; detail: string }[] {
  const planned = run.plannedSeconds > 0 ? `of ${formatClock(run.plannedSeconds)} planned` : '';
  if (figures === null) {
    return [
      { label: 'Elapsed', value: formatClock(0), detail: planned },
      { label: 'Users', value: '0', detail: '' },
      { label: 'Requests/s', value: 'n/a', detail: '' },
      { label: 'p95', value: 'n/a', detail: '' },
      { label: 'Errors', value: 'n/a', detail: '' },
      { label: 'Requests', value: '0', detail: '' },
    ];
  }
  if (figures.final) {
    return [
      { label: 'Duration', value: formatClock(figures.elapsedSeconds), detail: planned },
      { label: 'Peak users', value: formatCount(figures.peakUsers), detail: '' },
      { label: 'Requests/s', value: formatRate(figures.rps), detail: 'average' },
      { label: 'p95', value: formatMs(figures.p95), detail: `p50 ${formatMs(figures.p50)}, p99 ${formatMs(figures.p99)}` },
      { label: 'Errors', value: formatPercent(figures.errorRate), detail: `${formatCount(figures.failures)} failed` },
      { label: 'Requests', value: formatCount(figures.requests), detail: figures.droppedIterations > 0 ? `${formatCount(figures.droppedIterations)} iterations dropped` : '' },
    ];
  }
  return [
    { label: 'Elapsed', value: formatClock(figures.elapsedSeconds), detail: planned },
    { label: 'Users', value: formatCount(figures.users), detail: `peak ${formatCount(figures.peakUsers)}` },
    { label: 'Requests/s', value: formatRate(figures.currentRps), detail: `average ${formatRate(figures.rps)}` },
    { label: 'p95', value: formatMs(figures.currentP95), detail: `overall ${formatMs(figures.p95)}` },
    { label: 'Errors', value: formatPercent(figures.errorRate), detail: `${formatCount(figures.failures)} failed` },
    { label: 'Requests', value: formatCount(figures.requests), detail: figures.droppedIterations > 0 ? `${formatCount(figures.droppedIterations)} iterations dropped` : 'so far' },
  ];
}

export class TilesView {
  readonly element: HTMLElement;
  private readonly tiles: Tile[] = [];
  private readonly labels: HTMLElement[] = [];

  constructor(private readonly run: RunInfo) {
    const children = tileTexts(run, null).map(() => {
      const label = el('div', { className: 'label' });
      const value = el('div', { className: 'value' });
      const detail = el('div', { className: 'detail muted' });
      this.labels.push(label);
      this.tiles.push({ value, detail });
      return el('div', { className: 'tile', attributes: { role: 'group' } }, [label, value, detail]);
    });
    this.element = el('section', { className: 'tiles', attributes: { 'aria-label': 'Figures' } }, children);
  }

  update(figures: LiveFigures | null): void {
    tileTexts(this.run, figures).forEach((text, index) => {
      const tile = this.tiles[index];
      const label = this.labels[index];
      if (tile === undefined || label === undefined) return;
      setText(label, text.label);
      setText(tile.value, text.value);
      setText(tile.detail, text.detail);
      label.parentElement?.setAttribute('aria-label', `${text.label}: ${text.value}${text.detail === '' ? '' : `, ${text.detail}`}`);
    });
  }
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
