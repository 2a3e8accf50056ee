import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from '../../../src/core/monitors/prometheus-text';
import { formatSelector, parseSeriesSelector, readSeries, type SeriesSelector } from '../../../src/core/monitors/series-selector';

function selector(text: string): SeriesSelector {
  const parsed = parseSeriesSelector(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message} at ${parsed.offset}`);
  return parsed.selector;
}

describe('parseSeriesSelector', () => {
  it('reads a bare metric name', () => {
    expect(parseSeriesSelector('db_pool_in_use')).toEqual({ ok: true, selector: { metric: 'db_pool_in_use', matchers: [] } });
    expect(selector('  ns:rule:rate5m  ')).toEqual({ metric: 'ns:rule:rate5m', matchers: [] });
  });

  it('reads = and != matchers, either quote, escapes, blanks and a trailing comma', () => {
    expect(selector(`http_requests_total{route="/login", status != '500', note="a \\"b\\"\\n", }`)).toEqual({
      metric: 'http_requests_total',
      matchers: [
        { label: 'route', op: '=', value: '/login' },
        { label: 'status', op: '!=', value: '500' },
        { label: 'note', op: '=', value: 'a "b"\n' },
      ],
    });
    expect(selector('up{}')).toEqual({ metric: 'up', matchers: [] });
  });

  // The caret in each case marks where the offset must point.
  it.each([
    ['', '^', /empty/],
    ['   ', '   ^', /empty/],
    ['{route="/login"}', '^', /starts with a metric name/],
    ['9lives', '^', /metric name starts with a letter/],
    ['http_requests_total{route=~"/api/.*"}', '                         ^', /regular-expression matchers \(=~\) are not supported/],
    ['m{a!~"x"}', '   ^', /\(!~\)/],
    ['m{route="/login"', '                ^', /ends before its closing }/],
    ['m{route=/login}', '        ^', /must be in quotes/],
    ['m{route="/login}', '        ^', /no closing quote/],
    ['m{1a="x"}', '  ^', /expected a label name/],
    ['m{a "x"}', '    ^', /expected = or != after the label name a/],
    ['m{a=="x"}', '   ^', /single =/],
    ['m{a="x" b="y"}', '        ^', /expected , or } after the value of a/],
    ['m{a="\\q"}', '     ^', /unknown escape \\q/],
    ['m extra', '  ^', /after the metric name m; label matchers go in braces/],
    ['m{a="x"} extra', '         ^', /after the closing }/],
    ['rate(m[5m])', '    ^', /unexpected '\('/],
  ])('%j is refused at the marked offset', (text, caret, message) => {
    const parsed = parseSeriesSelector(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(message);
    expect(parsed.offset).toBe(caret.indexOf('^'));
  });
});

describe('readSeries', () => {
  const exposition = parsePrometheusText(
    [
      '# TYPE http_requests_total counter',
      'http_requests_total{route="/login",status="200"} 10',
      'http_requests_total{route="/login",status="429"} 4',
      'http_requests_total{route="/api",status="200"} 100',
      'http_requests_total{status="500"} 1',
      'pool_in_use 7',
      'weird NaN',
    ].join('\n'),
  );

  it('sums every matching sample, so a counter split by label reads as its total', () => {
    expect(readSeries(selector('http_requests_total'), exposition)).toBe(115);
    expect(readSeries(selector('http_requests_total{route="/login"}'), exposition)).toBe(14);
    expect(readSeries(selector('http_requests_total{route="/login", status!="200"}'), exposition)).toBe(4);
    expect(readSeries(selector('pool_in_use'), exposition)).toBe(7);
  });

  it('reads a missing label as empty, as PromQL does', () => {
    expect(readSeries(selector('http_requests_total{route=""}'), exposition)).toBe(1);
    expect(readSeries(selector('http_requests_total{route!="/api"}'), exposition)).toBe(15);
  });

  it('is undefined when nothing matches, and NaN when a matching sample is NaN', () => {
    expect(readSeries(selector('missing'), exposition)).toBeUndefined();
    expect(readSeries(selector('http_requests_total{route="/nope"}'), exposition)).toBeUndefined();
    expect(readSeries(selector('weird'), exposition)).toBeNaN();
  });
});

describe('formatSelector', () => {
  it('writes the selector back as people write it, and reads back the same', () => {
    expect(formatSelector(selector('up'))).toBe('up');
    const text = formatSelector(selector(`m{ a = 'x"y' ,b!="c\\\\d"}`));
    expect(text).toBe('m{a="x\\"y", b!="c\\\\d"}');
    expect(selector(text)).toEqual(selector(`m{a='x"y',b!="c\\\\d"}`));
  });
});
