// The settings' names, defaults and decoders. Settings files are hand-edited JSON: every value is checked here
// before use, and a wrong one falls back to the default instead of breaking a run. A unit test keeps the manifest's
// `contributes.configuration` in step with this file.

/** Full setting names. */
export const SETTINGS = {
  k6Path: 'loadscope.k6Path',
  reportFolder: 'loadscope.reportFolder',
  defaultEnvironment: 'loadscope.defaultEnvironment',
  chartPercentiles: 'loadscope.chart.percentiles',
} as const;

export const DEFAULT_REPORT_FOLDER = 'load-reports';

/** The percentiles the live latency chart can draw (those the live feed measures each second). */
export const CHART_PERCENTILES = ['p50', 'p90', 'p95', 'p99', 'max'] as const;
export type ChartPercentile = (typeof CHART_PERCENTILES)[number];
export const DEFAULT_CHART_PERCENTILES: readonly ChartPercentile[] = ['p50', 'p95', 'p99'];

function isChartPercentile(value: unknown): value is ChartPercentile {
  return CHART_PERCENTILES.some((percentile) => percentile === value);
}

/** A trimmed, non-empty string, or undefined for anything else (unset, empty, not a string). */
export function decodeText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The known percentiles in the list, in chart order; the default when none is usable. */
export function decodeChartPercentiles(value: unknown): ChartPercentile[] {
  const listed = Array.isArray(value) ? value.filter(isChartPercentile) : [];
  const chosen = CHART_PERCENTILES.filter((percentile) => listed.includes(percentile));
  return chosen.length > 0 ? chosen : [...DEFAULT_CHART_PERCENTILES];
}
