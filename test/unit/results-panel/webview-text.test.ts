// The page's text that needs no browser: which requests are charted, what the tiles and target rows say.
import { describe, expect, it } from 'vitest';
import { LiveTally, finalFigures } from '../../../src/extension/results-panel/live-figures';
import { chartedRequests, knownRequestNames } from '../../../webview/panel/request-selection';
import { tileTexts } from '../../../webview/panel/tiles-view';
import { failureAnnouncement, targetValueText } from '../../../webview/panel/targets-view';
import { passingRun } from '../report/fixtures';
import { runInfo, second, totalsAfter } from './fixtures';

describe('chartedRequests', () => {
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'login'];
  it('starts with requests that have targets, then the plan order, five at most', () => {
    expect(chartedRequests(runInfo(), names, null)).toEqual(['login', 'a', 'b', 'c', 'd']);
  });
  it("keeps the user's choice, known names only", () => {
    expect(chartedRequests(runInfo(), names, ['f', 'gone'])).toEqual(['f']);
    expect(chartedRequests(runInfo(), names, [])).toEqual([]);
  });
  it('knows the plan and what was seen', () => {
    expect(knownRequestNames(runInfo(), ['cart', 'extra'])).toEqual(['login', 'cart', 'extra']);
  });
});

describe('tileTexts', () => {
  it('shows current and so-far figures while running', () => {
    const figures = new LiveTally(runInfo()).add(second(64, { rps: 30, failures: 3, p95: 250, users: 12 }), totalsAfter(65, { rps: 30, failures: 3, p95: 240 }));
    expect(tileTexts(runInfo(), figures)).toEqual([
      { label: 'Elapsed', value: '1:05', detail: 'of 5:00 planned' },
      { label: 'Users', value: '12', detail: 'peak 12' },
      { label: 'Requests/s', value: '30/s', detail: 'average 30/s' },
      { label: 'p95', value: '250 ms', detail: 'overall 240 ms' },
      { label: 'Errors', value: '10%', detail: '195 failed' },
      { label: 'Requests', value: '1,950', detail: 'so far' },
    ]);
  });

  it('shows the whole run once final', () => {
    const result = passingRun();
    const texts = tileTexts(runInfo(), finalFigures(runInfo(), result));
    expect(texts.map((text) => text.label)).toEqual(['Duration', 'Peak users', 'Requests/s', 'p95', 'Errors', 'Requests']);
    expect(texts[0]?.value).toBe('5:00');
    expect(texts[5]?.value).toBe('68,902');
  });
});

describe('target rows', () => {
  const spec = runInfo().targets[2];
  if (spec === undefined) throw new Error('fixture target missing');
  it('marks estimates and says when a target was crossed', () => {
    const state = { label: 'login: p95 < 300ms', actual: 412, status: 'fail' as const, estimate: true, margin: '1.37x over', firstFailedAt: 83, final: false };
    expect(targetValueText(spec, state)).toBe('≈ 412 ms');
    expect(failureAnnouncement(state, spec)).toBe('Target login: p95 < 300ms crossed at 1:23: ≈ 412 ms.');
    expect(targetValueText(spec, { ...state, status: 'at-end', actual: null })).toBe('judged at the end');
  });
});
