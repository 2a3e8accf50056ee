import { describe, expect, it } from 'vitest';
import { K6CsvObserver, tagValue } from '../../../src/core/metrics/k6-csv-observer';
import type { SampleSink } from '../../../src/core/metrics/sample-sink';

type Call = [string, ...unknown[]];

function recordingSink(calls: Call[]): SampleSink {
  return {
    request: (...args) => calls.push(['request', ...args]),
    check: (...args) => calls.push(['check', ...args]),
    users: (...args) => calls.push(['users', ...args]),
    droppedIterations: (...args) => calls.push(['dropped', ...args]),
    iteration: (...args) => calls.push(['iteration', ...args]),
    dataReceived: (...args) => calls.push(['received', ...args]),
    dataSent: (...args) => calls.push(['sent', ...args]),
    responseBytes: (...args) => calls.push(['body', ...args]),
  };
}

// As k6 v2.2.0 writes it with systemTags [status, error_code, expected_response, check] (columns sorted).
const K6_CSV = [
  'metric_name,timestamp,metric_value,check,error_code,expected_response,status,extra_tags,metadata',
  'http_reqs,1795854327495,1.000000,,,true,201,"rid=r0&name=create, with comma",',
  'http_req_duration,1795854327495,12.500000,,,true,201,"name=create, with comma&rid=r0",',
  'http_req_blocked,1795854327495,0.307717,,,true,201,"rid=r0&name=create, with comma",',
  'http_req_failed,1795854327495,0.000000,,,true,201,"rid=r0&name=create, with comma",',
  'checks,1795854327496,0.000000,"status is ""201""",,,,rid=r0,',
  'http_req_duration,1795854327500,0.000000,,1212,false,0,rid=r2&name=refused,',
  'http_req_duration,1795854327501,3.5,,1429,false,429,rid=r1&name=limited,',
  'vus,1795854328000,5.000000,,,,,,',
  'vus_max,1795854328000,5.000000,,,,,,',
  'dropped_iterations,1795854328000,2.000000,,,,,scenario=g0,',
  'iterations,1795854328001,1.000000,,,,,,',
  'data_received,1795854328001,263.000000,,,,,,',
  'data_sent,1795854328001,147.000000,,,,,,',
  'loadscope_response_bytes,1795854328001,42.000000,,,,,rid=r0,',
  '',
].join('\n');

describe('K6CsvObserver', () => {
  it('decodes the rows we need and skips the rest', () => {
    const calls: Call[] = [];
    const other: string[] = [];
    const observer = new K6CsvObserver(recordingSink(calls), (line) => other.push(line));
    for (let i = 0; i < K6_CSV.length; i += 37) observer.push(K6_CSV.slice(i, i + 37));
    observer.end();
    expect(calls).toEqual([
      ['request', 1795854327495, 'r0', 12.5, 201, undefined, false],
      ['check', 1795854327496, 'r0', 'status is "201"', false],
      ['request', 1795854327500, 'r2', 0, 0, 1212, true],
      ['request', 1795854327501, 'r1', 3.5, 429, 1429, true],
      ['users', 1795854328000, 5],
      ['dropped', 1795854328000, 2],
      ['iteration', 1795854328001],
      ['received', 1795854328001, 263],
      ['sent', 1795854328001, 147],
      ['body', 1795854328001, 'r0', 42],
    ]);
    expect(other).toEqual([]);
    expect(observer.sampleRows).toBe(14);
  });

  it('passes text that is not a sample to the other-line callback', () => {
    const calls: Call[] = [];
    const other: string[] = [];
    const observer = new K6CsvObserver(recordingSink(calls), (line) => other.push(line));
    observer.push('some banner\n' + K6_CSV.split('\n').slice(0, 3).join('\n') + '\n     checks_total.......: 5212\nmy text, with a comma\n');
    observer.end();
    expect(other).toEqual(['some banner', '     checks_total.......: 5212', 'my text, with a comma']);
    expect(calls).toHaveLength(1);
  });

  it('falls back to the name tag and to statuses when rid and expected_response are missing', () => {
    const calls: Call[] = [];
    const observer = new K6CsvObserver(recordingSink(calls));
    observer.push('metric_name,timestamp,metric_value,name,status,extra_tags,metadata\n');
    observer.push('http_req_duration,1795854327,7,home,503,,\n');
    observer.push('http_req_duration,1795854327,7,,200,name=other&x=1,\n');
    expect(calls).toEqual([
      ['request', 1795854327000, 'home', 7, 503, undefined, true],
      ['request', 1795854327000, 'other', 7, 200, undefined, false],
    ]);
  });
});

describe('tagValue', () => {
  it('finds a key only at a tag boundary', () => {
    expect(tagValue('rid=r0&name=a', 'rid')).toBe('r0');
    expect(tagValue('name=a&rid=r12', 'rid')).toBe('r12');
    expect(tagValue('name=grid=x&rid=r3', 'rid')).toBe('r3');
    expect(tagValue('name=a', 'rid')).toBeUndefined();
    expect(tagValue('', 'rid')).toBeUndefined();
  });
});
