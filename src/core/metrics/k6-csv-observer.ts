// Reads k6's `--out csv` stream (written to k6's stdout, so nothing lands on disk) and hands the samples we need to a
// SampleSink. k6 writes ~12 rows per HTTP request; only the request duration, checks, users, dropped iterations,
// iterations and byte counters are decoded, every other row is skipped after reading its metric name.
//
// Row layout (k6 v2 internal/output/csv): metric_name, timestamp, metric_value, one column per enabled indexable
// system tag (sorted), extra_tags ("k=v&k=v": custom tags such as rid and name), metadata.

import { CsvRecordSplitter, splitCsvRecord } from './csv-records';
import type { SampleSink } from './sample-sink';

/** The k6 flag value that makes k6 write what this observer reads: CSV on stdout, millisecond timestamps. */
export const K6_CSV_OUTPUT_ARGUMENT = 'csv=fileName=-,saveInterval=1s,timeFormat=unix_milli';

/** The only system tags the observer reads (method and group come from the plan by `rid`). Passed as
 * `--system-tags` on runs we observe: fewer columns per sample cut k6's CSV cost by about a third (bench/). */
export const OBSERVED_SYSTEM_TAGS = ['status', 'error_code', 'expected_response', 'check'] as const;

/** Custom k6 metric the runtime may emit with each response body size (Counter, tagged rid). */
export const RESPONSE_BYTES_METRIC = 'loadscope_response_bytes';

interface Columns {
  count: number;
  timestamp: number;
  value: number;
  status: number;
  errorCode: number;
  expected: number;
  check: number;
  name: number;
  extraTags: number;
}

type RowKind = 'request' | 'check' | 'users' | 'dropped' | 'iteration' | 'received' | 'sent' | 'body';

const ROW_KINDS: ReadonlyMap<string, RowKind> = new Map([
  ['http_req_duration', 'request'],
  ['checks', 'check'],
  ['vus', 'users'],
  ['dropped_iterations', 'dropped'],
  ['iterations', 'iteration'],
  ['data_received', 'received'],
  ['data_sent', 'sent'],
  [RESPONSE_BYTES_METRIC, 'body'],
]);

// Every metric k6 itself emits; a row naming one of these is k6 output even when we skip it.
const SKIPPED_K6_METRICS = new Set([
  'http_reqs',
  'http_req_blocked',
  'http_req_connecting',
  'http_req_tls_handshaking',
  'http_req_sending',
  'http_req_waiting',
  'http_req_receiving',
  'http_req_failed',
  'iteration_duration',
  'vus_max',
  'group_duration',
]);

/** Decodes k6's CSV sample stream incrementally; lines that are not k6 samples go to `onOtherLine`. */
export class K6CsvObserver {
  private readonly splitter = new CsvRecordSplitter();
  private columns: Columns | undefined;
  private rows = 0;
  private readonly deliver = (record: string): void => this.handle(record);

  constructor(
    private readonly sink: SampleSink,
    private readonly onOtherLine: (line: string) => void = () => {},
  ) {}

  /** Feeds a chunk of k6's stdout. */
  push(chunk: Uint8Array | string): void {
    this.splitter.push(chunk, this.deliver);
  }

  /** k6's stdout ended. */
  end(): void {
    this.splitter.end(this.deliver);
  }

  /** Sample rows seen so far (decoded or skipped). */
  get sampleRows(): number {
    return this.rows;
  }

  private handle(record: string): void {
    const comma = record.indexOf(',');
    const metric = comma > 0 ? record.slice(0, comma) : record;
    if (metric === 'metric_name') {
      this.columns = columnsOf(splitCsvRecord(record));
      return;
    }
    const columns = this.columns;
    const kind = ROW_KINDS.get(metric);
    if (columns === undefined || (kind === undefined && !SKIPPED_K6_METRICS.has(metric) && !looksLikeSample(record, comma))) {
      this.onOtherLine(record);
      return;
    }
    this.rows++;
    if (kind === undefined) return;
    const fields = splitCsvRecord(record);
    if (fields.length !== columns.count) {
      this.onOtherLine(record);
      return;
    }
    const raw = Number(fields[columns.timestamp]);
    // Millisecond timestamps are requested; accept seconds too rather than misplace every sample.
    const timeMs = raw < 1e11 ? raw * 1000 : raw;
    const value = Number(fields[columns.value]);
    if (!Number.isFinite(timeMs) || !Number.isFinite(value)) {
      this.onOtherLine(record);
      return;
    }
    switch (kind) {
      case 'request': {
        const status = Number(fields[columns.status] ?? '') || 0;
        const codeText = fields[columns.errorCode];
        const errorCode = codeText ? Number(codeText) : undefined;
        const expected = fields[columns.expected];
        const failed = expected === 'false' || (expected !== 'true' && (status === 0 || status >= 400));
        this.sink.request(timeMs, this.requestKey(fields, columns) ?? '', value, status, errorCode, failed);
        return;
      }
      case 'check':
        this.sink.check(timeMs, this.requestKey(fields, columns), fields[columns.check] ?? '', value === 1);
        return;
      case 'users':
        this.sink.users(timeMs, value);
        return;
      case 'dropped':
        this.sink.droppedIterations(timeMs, value);
        return;
      case 'iteration':
        this.sink.iteration(timeMs);
        return;
      case 'received':
        this.sink.dataReceived(timeMs, value);
        return;
      case 'sent':
        this.sink.dataSent(timeMs, value);
        return;
      case 'body': {
        const key = this.requestKey(fields, columns);
        if (key !== undefined) this.sink.responseBytes(timeMs, key, value);
        return;
      }
    }
  }

  /** The rid tag, else the name tag (scripts not compiled by Loadscope), else undefined. */
  private requestKey(fields: readonly string[], columns: Columns): string | undefined {
    const extra = fields[columns.extraTags] ?? '';
    const rid = tagValue(extra, 'rid');
    if (rid !== undefined) return rid;
    const nameColumn = columns.name >= 0 ? fields[columns.name] : undefined;
    return nameColumn || tagValue(extra, 'name');
  }
}

function columnsOf(header: readonly string[]): Columns {
  const at = (name: string): number => header.indexOf(name);
  return {
    count: header.length,
    timestamp: at('timestamp'),
    value: at('metric_value'),
    status: at('status'),
    errorCode: at('error_code'),
    expected: at('expected_response'),
    check: at('check'),
    name: at('name'),
    extraTags: at('extra_tags'),
  };
}

/** A custom metric's row: `name,<digits>,<number>,...`. Anything else on stdout is someone's text. */
function looksLikeSample(record: string, comma: number): boolean {
  if (comma <= 0) return false;
  const next = record.indexOf(',', comma + 1);
  return next > comma + 1 && /^\d+$/.test(record.slice(comma + 1, next));
}

/**
 * Value of `key` in k6's "k=v&k=v" extra-tags text. k6 does not escape values, so a key only counts at the start or
 * right after an `&`, and the value runs to the next `&` (rid values are plain ids, so this is exact for them).
 */
export function tagValue(extraTags: string, key: string): string | undefined {
  const prefix = `${key}=`;
  let at = extraTags.startsWith(prefix) ? 0 : -1;
  if (at < 0) {
    const found = extraTags.indexOf(`&${prefix}`);
    if (found < 0) return undefined;
    at = found + 1;
  }
  const start = at + prefix.length;
  const end = extraTags.indexOf('&', start);
  return end < 0 ? extraTags.slice(start) : extraTags.slice(start, end);
}
