import { describe, expect, it } from 'vitest';
import { captureValue, checkPasses, InspectedResponse } from '../../../src/k6-runtime/response-rules';
import { pickWeighted } from '../../../src/k6-runtime/mix';

const response = (body: string | null, status = 200, headers: Record<string, string> = {}, durationMs = 10): InspectedResponse =>
  new InspectedResponse({ status, body, headers, durationMs });

describe('checks', () => {
  const r = response('{"items":[{"id":"x1"}],"ok":true}', 201);
  it('evaluates each kind', () => {
    expect(checkPasses({ kind: 'status', label: '', statuses: [200, 201] }, r)).toBe(true);
    expect(checkPasses({ kind: 'status', label: '', statuses: [200] }, r)).toBe(false);
    expect(checkPasses({ kind: 'bodyContains', label: '', text: '"ok":true' }, r)).toBe(true);
    expect(checkPasses({ kind: 'bodyContains', label: '', text: 'nope' }, r)).toBe(false);
    expect(checkPasses({ kind: 'jsonPathExists', label: '', path: '$.items[0].id' }, r)).toBe(true);
    expect(checkPasses({ kind: 'jsonPathExists', label: '', path: '$.items[1]' }, r)).toBe(false);
    expect(checkPasses({ kind: 'maxDuration', label: '', ms: 10 }, r)).toBe(true);
    expect(checkPasses({ kind: 'maxDuration', label: '', ms: 9.5 }, r)).toBe(false);
  });
  it('fails body checks on a missing or non-JSON body', () => {
    expect(checkPasses({ kind: 'jsonPathExists', label: '', path: '$' }, response('not json'))).toBe(false);
    expect(checkPasses({ kind: 'bodyContains', label: '', text: 'a' }, response(null))).toBe(false);
  });
});

describe('captures', () => {
  const r = response('{"access":"tok","n":{"v":[3]}} id=42;', 200, { 'X-Session': 's-1' });
  it('reads JSON paths, headers in any case, and regex groups', () => {
    const parsed = response('{"access":"tok","n":{"v":[3]}}');
    expect(captureValue({ variable: 't', from: 'json', path: '$.access' }, parsed)).toBe('tok');
    expect(captureValue({ variable: 't', from: 'json', path: '$.n.v[0]' }, parsed)).toBe(3);
    expect(captureValue({ variable: 't', from: 'json', path: '$.missing' }, parsed)).toBeUndefined();
    expect(captureValue({ variable: 's', from: 'header', header: 'x-session' }, r)).toBe('s-1');
    expect(captureValue({ variable: 's', from: 'header', header: 'X-Other' }, r)).toBeUndefined();
    expect(captureValue({ variable: 'i', from: 'regex', pattern: 'id=(\\d+)', group: 1 }, r)).toBe('42');
    expect(captureValue({ variable: 'i', from: 'regex', pattern: 'id=(\\d+)', group: 0 }, r)).toBe('id=42');
    expect(captureValue({ variable: 'i', from: 'regex', pattern: 'zz(\\d)', group: 1 }, r)).toBeUndefined();
  });
});

describe('pickWeighted', () => {
  const items = [{ weight: 3, n: 'a' }, { weight: 1, n: 'b' }, { weight: 0, n: 'never' }];
  it('splits the roll by weight', () => {
    expect(pickWeighted(items, 0)?.n).toBe('a');
    expect(pickWeighted(items, 0.74)?.n).toBe('a');
    expect(pickWeighted(items, 0.75)?.n).toBe('b');
    expect(pickWeighted(items, 0.9999)?.n).toBe('b');
    expect(pickWeighted([], 0.5)).toBeUndefined();
  });
});
