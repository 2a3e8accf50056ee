import { describe, expect, it } from 'vitest';
import { logLineText, parseK6LogLine, urlInRequestError } from '../../../src/core/k6/log-line';

describe('parseK6LogLine', () => {
  it('decodes logfmt with quoted and escaped values', () => {
    const line =
      'time="2026-11-28T08:23:07Z" level=warning msg="Request Failed" error="Get \\"http://127.0.0.1:9/\\": dial tcp 127.0.0.1:9: connect: connection refused"';
    const parsed = parseK6LogLine(line);
    expect(parsed?.level).toBe('warning');
    expect(parsed?.msg).toBe('Request Failed');
    expect(parsed?.fields.error).toBe('Get "http://127.0.0.1:9/": dial tcp 127.0.0.1:9: connect: connection refused');
    expect(urlInRequestError(parsed?.fields.error ?? '')).toBe('http://127.0.0.1:9/');
    expect(logLineText(parsed ?? { level: undefined, msg: undefined, fields: {} })).toBe(
      'Request Failed: Get "http://127.0.0.1:9/": dial tcp 127.0.0.1:9: connect: connection refused',
    );
  });

  it('turns escaped line breaks into real ones', () => {
    const parsed = parseK6LogLine('level=error msg="Uncaught (in promise) Error: boom\\n\\tat default (file:///x/script.js:3:9)" hint="script exception"');
    expect(parsed?.msg).toBe('Uncaught (in promise) Error: boom\n\tat default (file:///x/script.js:3:9)');
    expect(parsed?.fields.hint).toBe('script exception');
  });

  it('refuses text that is not logfmt', () => {
    expect(parseK6LogLine('panic: runtime error: index out of range')).toBeUndefined();
    expect(parseK6LogLine('')).toBeUndefined();
    expect(parseK6LogLine('a=b c=d')).toBeUndefined();
  });
});
