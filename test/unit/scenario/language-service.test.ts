// Hover and completion, with the cursor marked by `|` in the text.
import { describe, expect, it } from 'vitest';
import { completionsAt, hoverAt, type CompletionContext } from '../../../src/core/scenario/language-service';
import { cursor, SCENARIO_FILE } from './helpers';

function complete(marked: string, context: CompletionContext = {}): ReturnType<typeof completionsAt> {
  const { text, line, column } = cursor(marked);
  return completionsAt(text, line, column, context);
}

const labels = (marked: string, context: CompletionContext = {}): string[] => complete(marked, context).map((item) => item.label);

function hover(marked: string): string | undefined {
  const { text, line, column } = cursor(marked);
  return hoverAt(text, line, column)?.markdown;
}

describe('completion of keys', () => {
  it('offers the keys of the mapping under the cursor, for a partly typed key', () => {
    const items = complete('load:\n  us|');
    expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['users', 'spawnRate', 'duration', 'rate', 'maxUsers']));
    const users = items.find((item) => item.label === 'users');
    expect(users).toMatchObject({ kind: 'key', insertText: 'users: ', range: { line: 2, column: 3, endLine: 2, endColumn: 5 } });
    expect(users?.documentation).toContain('Closed model');
  });

  it('leaves out keys already there and keys they exclude', () => {
    const offered = labels('load:\n  users: 10\n  |');
    expect(offered).toEqual(expect.arrayContaining(['spawnRate', 'rampUp', 'duration', 'gracefulStop']));
    expect(offered).not.toContain('users');
    expect(offered).not.toContain('rate');
    expect(offered).not.toContain('maxUsers');
  });

  it('offers the top-level keys in an empty file, marking required ones', () => {
    const items = complete('|');
    expect(items.map((item) => item.label)).toEqual(['scenario', 'description', 'target', 'environments', 'headers', 'variables', 'data', 'load', 'thinkTime', 'onStart', 'requests', 'groups', 'targets', 'monitors']);
    expect(items[0]?.detail).toBe('scenario (required)');
    expect(items.find((item) => item.label === 'requests')?.insertText).toBe('requests:\n  - ');
  });

  it('offers one HTTP method until one is there', () => {
    expect(labels('requests:\n  - name: a\n    |')).toEqual(expect.arrayContaining(['GET', 'POST', 'DELETE', 'json', 'expect', 'weight']));
    const after = labels('requests:\n  - name: a\n    GET: /\n    |');
    expect(after).not.toContain('POST');
    expect(after).toContain('json');
  });

  it('offers one body until one is there', () => {
    const offered = labels('requests:\n  - name: a\n    POST: /\n    json: { a: 1 }\n    |');
    expect(offered).not.toContain('form');
    expect(offered).not.toContain('body');
  });

  it('offers request and flow snippets for a new mix item, and the flow key', () => {
    const items = complete('requests:\n  - |');
    expect(items.filter((item) => item.kind === 'snippet').map((item) => item.label)).toEqual(['GET request', 'POST JSON request', 'flow']);
    expect(items.map((item) => item.label)).toContain('flow');
    expect(items.find((item) => item.label === 'GET request')?.insertText).toContain('GET: ${2:/api/items}');
  });

  it('offers no weight in onStart', () => {
    expect(labels('onStart:\n  - name: a\n    |')).not.toContain('weight');
  });

  it('works inside flow mappings', () => {
    const items = complete('load: { users: 10, | }');
    expect(items.map((item) => item.label)).toContain('duration');
    expect(items.find((item) => item.label === 'stages')).toBeUndefined();
    expect(labels('requests:\n  - name: a\n    GET: /\n    expect: { | }')).toEqual(['status', 'bodyContains', 'jsonPath', 'maxDuration']);
  });

  it('offers request names inside targets.requests, except those with targets already', () => {
    const text = 'requests:\n  - { name: login, POST: /l }\n  - { name: list, GET: /x }\n  - { GET: /y }\ntargets:\n  requests:\n    login: { p95: < 1s }\n    |';
    const items = complete(text);
    expect(items.map((item) => item.label)).toEqual(['list', 'GET /y']);
    expect(items[1]?.insertText).toBe('GET /y:\n  ');
  });

  it('offers target metrics under targets', () => {
    expect(labels('targets:\n  |')).toEqual(['median', 'avg', 'min', 'p90', 'p95', 'p99', 'max', 'errors', 'success', 'rps', 'requests', 'latency and errors']);
  });

  it('offers a snippet of latency and error targets in an empty targets block', () => {
    const snippet = complete('targets:\n  |').find((item) => item.kind === 'snippet');
    expect(snippet?.insertText).toBe('median: < ${1:200ms}\np99: < ${2:500ms}\nerrors: < ${3:0.1%}');
  });

  it('offers environment names', () => {
    expect(labels('environments:\n  staging: { target: http://x }\n  |')).toEqual(['local', 'production']);
  });
});

describe('completion of values', () => {
  it('offers durations with units', () => {
    const items = complete('load:\n  duration: |');
    expect(items.map((item) => item.label)).toEqual(['30s', '1m', '5m']);
    expect(items[1]).toMatchObject({ kind: 'value', documentation: '1 minute' });
  });

  it('offers rates and think times with their meaning', () => {
    expect(complete('load:\n  spawnRate: |')[0]).toMatchObject({ label: '10/s', documentation: '10 users started per second' });
    expect(complete('thinkTime: |')[0]).toMatchObject({ label: '1s..3s', documentation: 'a random pause between 1 second and 3 seconds' });
  });

  it('offers the allowed values of an enumeration', () => {
    expect(labels('data:\n  a:\n    file: x.csv\n    order: |')).toEqual(['sequential', 'random', 'perUser']);
  });

  it('offers target expressions that fit the metric, quoting those that start with >', () => {
    expect(complete('targets:\n  p99: |').map((item) => [item.label, item.documentation])).toEqual([
      ['< 500ms', '99% of responses faster than 500 ms'],
      ['< 1s', '99% of responses faster than 1 second'],
    ]);
    expect(complete('targets:\n  rps: |')[0]).toMatchObject({ label: '>= 50/s', insertText: "'>= 50/s'" });
    expect(labels('targets:\n  errors: |')).toEqual(['< 0.1%', '< 1%']);
  });

  it('offers true and false for booleans', () => {
    expect(labels('targets:\n  p99: { threshold: < 1s, abort: | }')).toEqual(['true', 'false']);
  });
});

describe('completion inside {{ }} and ${env:}', () => {
  const file = `variables: { tenant: acme }
data: { accounts: { file: accounts.csv } }
onStart:
  - { name: login, POST: /login, capture: { token: $.access } }
requests:
  - { name: a, GET: "/x/{{ | }}" }
`;

  it('offers built-in names, variables, captures, data sources and functions', () => {
    const items = complete(file);
    expect(items.filter((item) => item.kind === 'variable').map((item) => item.label)).toEqual(['user', 'iteration', 'group', 'tenant', 'token', 'accounts']);
    expect(items.filter((item) => item.kind === 'function').map((item) => item.label)).toEqual(['randomInt', 'randomFloat', 'pick', 'uuid', 'randomString', 'sequence', 'now', 'isoTime', 'base64']);
    expect(items.find((item) => item.label === 'uuid')).toMatchObject({ insertText: 'uuid()', detail: 'uuid()' });
    expect(items.find((item) => item.label === 'randomInt')).toMatchObject({ insertText: 'randomInt(', detail: 'randomInt(min, max)' });
    expect(items.find((item) => item.label === 'token')?.documentation).toContain("'login'");
  });

  it('replaces the part of the name typed so far', () => {
    const [first] = complete('requests:\n  - { name: a, GET: "/{{ us| }}" }');
    expect(first?.range).toEqual({ line: 2, column: 26, endLine: 2, endColumn: 28 });
  });

  it('offers the columns of a data source after the dot', () => {
    const host = { readFile: (): string => 'email,password\n' };
    const items = complete(file.replace('{{ | }}', '{{ accounts.| }}'), { file: SCENARIO_FILE, host });
    expect(items.map((item) => item.label)).toEqual(['email', 'password']);
  });

  it('offers environment variable names inside ${env:', () => {
    expect(labels('target: ${env:TA|', { envNames: ['TARGET_URL', 'TOKEN'] })).toEqual(['TARGET_URL', 'TOKEN']);
  });

  it('offers nothing after a closed }}', () => {
    expect(complete('requests:\n  - { name: a, GET: "/{{ x }}|" }').filter((item) => item.kind === 'function')).toEqual([]);
  });
});

describe('hover', () => {
  it('documents the key under the cursor', () => {
    const text = hover('load:\n  spa|wnRate: 10/s\n');
    expect(text).toContain('**spawnRate**');
    expect(text).toContain('how fast users start');
  });

  it('shows defaults and examples', () => {
    const text = hover('load:\n  graceful|Stop: 10s\n');
    expect(text).toContain('Default: `30s`');
    expect(text).toContain('`gracefulStop: 30s`');
  });

  it('explains rates by what they count', () => {
    expect(hover('load:\n  spawnRate: 1|0/s\n')).toContain('`10/s`: 10 users started per second');
    expect(hover('load:\n  rate: 600|/m\n')).toContain('600 iterations started per minute (10 per second)');
  });

  it('explains target expressions', () => {
    expect(hover('targets:\n  p99: < 5|00ms\n')).toContain('99% of responses faster than 500 ms');
    expect(hover('targets:\n  success: "> 99|.9%"\n')).toContain('more than 99.9% of requests succeed');
    expect(hover('targets:\n  requests:\n    login: { median: < 2|00ms }\n')).toContain('half of the responses faster than 200 ms');
  });

  it('explains durations, think times and enumerations', () => {
    expect(hover('load:\n  duration: 1m3|0s\n')).toContain('= 1 minute 30 seconds');
    expect(hover('thinkTime: 1s..3|s\n')).toContain('a random pause between 1 second and 3 seconds');
    expect(hover('data:\n  a:\n    order: rand|om\n')).toContain('Each use takes a random row');
  });

  it('documents functions, names and environment variables inside templates', () => {
    expect(hover('requests:\n  - { name: a, GET: "/{{ pi|ck(1, 2) }}" }')).toContain('**pick(a, b, ...)**');
    expect(hover('requests:\n  - { name: a, GET: "/{{ us|er }}" }')).toContain('(built-in)');
    const captured = 'onStart: [{ name: login, POST: /l, capture: { token: $.t } }]\nrequests:\n  - { name: a, GET: "/{{ to|ken }}" }';
    expect(hover(captured)).toContain("captured from the response of 'login'");
    expect(hover('target: "${env:TARG|ET:-http://x}"')).toContain('Default when unset: `http://x`');
  });

  it('names what a free key is', () => {
    expect(hover('targets:\n  requests:\n    log|in: { p95: < 1s }\n')).toContain('request name');
    expect(hover('headers:\n  X-Tr|ace: abc\n')).toContain('header name');
  });

  it('gives the range of what it documents', () => {
    const { text, line, column } = cursor('load:\n  us|ers: 10\n');
    expect(hoverAt(text, line, column)?.range).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 8 });
  });

  it('has nothing to say on unknown keys, blank space or broken files', () => {
    expect(hover('colour|: blue\n')).toBeUndefined();
    expect(hover('scenario: x\n|\n')).toBeUndefined();
    expect(hoverAt('', 1, 1)).toBeUndefined();
  });
});
