import { describe, expect, it } from 'vitest';
import { describeNetworkError, describeRequestFailure, networkErrorKind } from '../../../src/core/metrics/network-errors';

describe('k6 network error codes', () => {
  it('sorts codes into kinds', () => {
    expect([1050, 1211, 1212, 1220, 1201, 1101, 1100, 1310, 1000, 1020, 1650].map(networkErrorKind)).toEqual([
      'timeout',
      'timeout',
      'refused',
      'reset',
      'reset',
      'dns',
      'dns',
      'tls',
      'other',
      'other',
      'other',
    ]);
  });

  it('says what went wrong in plain words', () => {
    expect(describeNetworkError(1212)).toBe('connection refused');
    expect(describeNetworkError(1050)).toBe('timeout');
    expect(describeNetworkError(1651)).toBe('HTTP/2 error (k6 code 1651)');
    expect(describeNetworkError(1999)).toBe('network error (k6 code 1999)');
    expect(describeRequestFailure(429, 1429)).toBe('HTTP 429');
    expect(describeRequestFailure(0, 1220)).toBe('connection reset');
    expect(describeRequestFailure(0, undefined)).toBe('network error');
  });
});
