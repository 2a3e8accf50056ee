// The result of reading one value with a grammar (duration, rate, target...): a value or one problem.

/** What is wrong with a value; `start`/`end` are offsets inside the value's text when the problem is narrower. */
export interface ValueProblem {
  code: string;
  message: string;
  /** Problems are errors unless they say otherwise. */
  severity?: 'warning' | 'info';
  /** Replacement for the whole value (or for `start`..`end` when those are set). */
  fix?: { title: string; replacement: string };
  start?: number;
  end?: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };

/** An accepted value. */
export function parsedValue<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A refused value, with what is wrong and maybe the fix. */
export function parseProblem<T>(code: string, message: string, fix?: ValueProblem['fix']): Parsed<T> {
  return { ok: false, problem: fix ? { code, message, fix } : { code, message } };
}

/** A value quoted in a message: short enough that a huge value does not make a huge message. */
export function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
