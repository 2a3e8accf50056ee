// k6's end-of-test summary data (what handleSummary receives, written as JSON by the runtime to LOADSCOPE_SUMMARY),
// decoded with type guards: only the parts the runner reads, and anything malformed is dropped, not trusted.

export interface K6SummaryMetric {
  type: string;
  /** Summary statistics by k6's names: `count`, `rate`, `avg`, `med`, `p(95)`, `max`... */
  values: Record<string, number>;
  /** Threshold expression → whether it held. */
  thresholds: Record<string, boolean>;
}

export interface K6Summary {
  /** Keyed by metric name, with tag filters for submetrics: `http_req_duration{rid:r0}`. */
  metrics: Record<string, K6SummaryMetric>;
  /** How long the test ran, as k6 measured it. */
  testRunDurationMs: number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes parsed summary JSON; undefined when it is not k6 summary data. */
export function decodeK6Summary(data: unknown): K6Summary | undefined {
  if (!isRecord(data) || !isRecord(data.metrics)) return undefined;
  const metrics: Record<string, K6SummaryMetric> = {};
  for (const [name, raw] of Object.entries(data.metrics)) {
    if (!isRecord(raw) || !isRecord(raw.values)) continue;
    const values: Record<string, number> = {};
    for (const [stat, value] of Object.entries(raw.values)) if (typeof value === 'number') values[stat] = value;
    const thresholds: Record<string, boolean> = {};
    if (isRecord(raw.thresholds)) {
      for (const [expression, result] of Object.entries(raw.thresholds)) {
        if (isRecord(result) && typeof result.ok === 'boolean') thresholds[expression] = result.ok;
      }
    }
    metrics[name] = { type: typeof raw.type === 'string' ? raw.type : '', values, thresholds };
  }
  const state = isRecord(data.state) ? data.state : {};
  const duration = typeof state.testRunDurationMs === 'number' ? state.testRunDurationMs : undefined;
  return { metrics, testRunDurationMs: duration };
}
