import { describe, expect, it } from 'vitest';
import { RunFeed } from '../../../src/extension/results-panel/run-feed';
import { latencyReading, latencySeries, latencyTargetColour, type LatencyColours } from '../../../webview/panel/latency-lines';
import { chartPoint, runInfo } from './fixtures';

const COLOURS: LatencyColours = { p50: 'green', p90: 'blue', p95: 'yellow', p99: 'red', max: 'purple' };

describe('latencySeries', () => {
  it('draws the chosen lines only, in chart order, once each', () => {
    expect(latencySeries(['max', 'p50', 'p99', 'p50'], COLOURS).map((series) => series.key)).toEqual(['p50', 'p99', 'max']);
    expect(latencySeries([], COLOURS)).toEqual([]);
  });

  it('keeps each line in its own colour whatever else is drawn', () => {
    const colourOf = (chosen: Parameters<typeof latencySeries>[0]) => Object.fromEntries(latencySeries(chosen, COLOURS).map((series) => [series.key, series.colour]));
    expect(colourOf(['p95'])).toEqual({ p95: 'yellow' });
    expect(colourOf(['p50', 'p90', 'p95', 'p99', 'max'])).toEqual(COLOURS);
  });

  it('reads each line from its own figure of the point', () => {
    const point = chartPoint(3, { p50: 40, p90: 80, p95: 95, p99: 130, max: null });
    expect(latencySeries(['p50', 'p90', 'p95', 'p99', 'max'], COLOURS).map((series) => series.value(point))).toEqual([40, 80, 95, 130, null]);
    expect(latencyReading(latencySeries(['p90', 'max'], COLOURS), point)).toBe('p90 80 ms, max n/a');
  });
});

describe('latencyTargetColour', () => {
  it('colours a target like its line when that line is drawn, else in the neutral colour', () => {
    expect(latencyTargetColour('median', ['p50', 'p95'], COLOURS, 'grey')).toBe('green');
    expect(latencyTargetColour('p90', ['p90'], COLOURS, 'grey')).toBe('blue');
    expect(latencyTargetColour('p99', ['p50', 'p95'], COLOURS, 'grey')).toBe('grey');
    expect(latencyTargetColour('avg', ['p50', 'p90', 'p95', 'p99', 'max'], COLOURS, 'grey')).toBe('grey');
  });
});

describe("the panel's choice of lines", () => {
  it('is p50, p95 and p99 unless given, known ones in chart order otherwise', () => {
    expect(new RunFeed(runInfo()).snapshot().chartPercentiles).toEqual(['p50', 'p95', 'p99']);
    expect(new RunFeed(runInfo(), ['p99', 'p50']).snapshot().chartPercentiles).toEqual(['p50', 'p99']);
    expect(new RunFeed(runInfo(), []).snapshot().chartPercentiles).toEqual(['p50', 'p95', 'p99']);
  });

  it('survives a restore', () => {
    const feed = new RunFeed(runInfo(), ['p95']);
    expect(RunFeed.restore(feed.snapshot()).snapshot().chartPercentiles).toEqual(['p95']);
  });
});
