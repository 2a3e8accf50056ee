// Which series of an exposition a monitor keeps: a metric name with optional exact label matchers, the
// subset of PromQL's instant selector people write in a scenario file (`db_pool_in_use{pool="main"}`).
import type { ParsedExposition, PrometheusSample } from './prometheus-text';

export interface LabelMatcher {
  label: string;
  /** `=` keeps samples whose label equals the value; `!=` those whose label differs. A missing label reads as "". */
  op: '=' | '!=';
  value: string;
}

export interface SeriesSelector {
  metric: string;
  matchers: readonly LabelMatcher[];
}

/** A parsed selector, or why the text is not one; `offset` is a 0-based index into the text. */
export type SelectorParseResult = { ok: true; selector: SeriesSelector } | { ok: false; message: string; offset: number };

const example = 'http_requests_total{route="/login"}';

/** Parses `metric_name` or `metric_name{label="value", other!="x"}`. */
export function parseSeriesSelector(text: string): SelectorParseResult {
  const reader = new SelectorReader(text);
  try {
    return { ok: true, selector: reader.selector() };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

/** The sum of every sample the selector matches (a counter split by label sums to its total); undefined when none matches. */
export function readSeries(selector: SeriesSelector, exposition: ParsedExposition): number | undefined {
  const candidates = exposition.byName.get(selector.metric);
  if (candidates === undefined) return undefined;
  let total: number | undefined;
  for (const sample of candidates) {
    if (matchesLabels(selector, sample)) total = (total ?? 0) + sample.value;
  }
  return total;
}

/** True when the sample has the selector's name and satisfies every matcher. */
export function matchesLabels(selector: SeriesSelector, sample: PrometheusSample): boolean {
  if (sample.name !== selector.metric) return false;
  for (const matcher of selector.matchers) {
    const actual = Object.hasOwn(sample.labels, matcher.label) ? sample.labels[matcher.label] : '';
    if ((actual === matcher.value) !== (matcher.op === '=')) return false;
  }
  return true;
}

/** The selector as people write it: `name` or `name{a="x", b!="y"}`. */
export function formatSelector(selector: SeriesSelector): string {
  if (selector.matchers.length === 0) return selector.metric;
  const matchers = selector.matchers.map((m) => `${m.label}${m.op}"${m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return `${selector.metric}{${matchers.join(', ')}}`;
}

class SelectorSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class SelectorReader {
  private at = 0;

  constructor(private readonly text: string) {}

  selector(): SeriesSelector {
    this.skipBlanks();
    if (this.at >= this.text.length) throw this.error(`the selector is empty; write a metric name, such as ${example}`);
    if (this.peek() === '{') throw this.error(`a selector starts with a metric name before its braces, such as ${example}`);
    const metric = this.name(/[A-Za-z_:]/, /[A-Za-z0-9_:]/, 'a metric name starts with a letter, _ or :');
    this.skipBlanks();
    const matchers: LabelMatcher[] = [];
    const braced = this.peek() === '{';
    if (braced) {
      this.at += 1;
      this.matchers(matchers);
      this.skipBlanks();
    }
    if (this.at < this.text.length) {
      const where = braced ? 'after the closing }' : `after the metric name ${metric}; label matchers go in braces: ${metric}{label="value"}`;
      throw this.error(`unexpected ${this.describeHere()} ${where}`);
    }
    return { metric, matchers };
  }

  private matchers(into: LabelMatcher[]): void {
    for (;;) {
      this.skipBlanks();
      if (this.at >= this.text.length) throw this.error('the selector ends before its closing }');
      if (this.peek() === '}') {
        this.at += 1;
        return;
      }
      const label = this.name(/[A-Za-z_]/, /[A-Za-z0-9_]/, 'expected a label name (letters, digits and _, not starting with a digit)');
      this.skipBlanks();
      const op = this.operator(label);
      this.skipBlanks();
      const value = this.quoted(label);
      into.push({ label, op, value });
      this.skipBlanks();
      const next = this.peek();
      if (next === ',') this.at += 1;
      else if (next !== '}') throw this.error(this.at >= this.text.length ? 'the selector ends before its closing }' : `expected , or } after the value of ${label}, found ${this.describeHere()}`);
    }
  }

  private operator(label: string): '=' | '!=' {
    const two = this.text.slice(this.at, this.at + 2);
    if (two === '=~' || two === '!~') throw this.error(`regular-expression matchers (${two}) are not supported; use = or != with an exact value`);
    if (two === '!=') {
      this.at += 2;
      return '!=';
    }
    if (two === '==') throw this.error(`write ${label}="value" with a single =`);
    if (this.peek() === '=') {
      this.at += 1;
      return '=';
    }
    throw this.error(`expected = or != after the label name ${label}, found ${this.describeHere()}`);
  }

  private quoted(label: string): string {
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") throw this.error(`the value of ${label} must be in quotes: ${label}="value"`);
    const opening = this.at;
    this.at += 1;
    let out = '';
    while (this.at < this.text.length) {
      const c = this.text[this.at] ?? '';
      if (c === quote) {
        this.at += 1;
        return out;
      }
      if (c === '\n') break;
      if (c === '\\') {
        const escaped = this.text[this.at + 1];
        const meaning = escaped === undefined ? undefined : escapes[escaped];
        if (meaning === undefined) throw this.error(`unknown escape \\${escaped ?? ''} in the value of ${label}; use \\\\ for a backslash`);
        out += meaning;
        this.at += 2;
        continue;
      }
      out += c;
      this.at += 1;
    }
    throw new SelectorSyntaxError(`the value of ${label} has no closing quote`, opening);
  }

  private name(first: RegExp, rest: RegExp, problem: string): string {
    const start = this.at;
    if (!first.test(this.peek())) throw this.error(`${problem}, found ${this.describeHere()}`);
    this.at += 1;
    while (this.at < this.text.length && rest.test(this.peek())) this.at += 1;
    return this.text.slice(start, this.at);
  }

  private skipBlanks(): void {
    while (this.at < this.text.length && /\s/.test(this.peek())) this.at += 1;
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  private describeHere(): string {
    return this.at >= this.text.length ? 'the end' : `'${this.peek()}'`;
  }

  private error(message: string): SelectorSyntaxError {
    return new SelectorSyntaxError(message, Math.min(this.at, this.text.length));
  }
}

const escapes: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', "'": "'", n: '\n', t: '\t', r: '\r' };
