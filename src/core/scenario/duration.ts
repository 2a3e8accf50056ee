// Durations as people write them: `500ms`, `10s`, `5m`, `1h`, `1m30s`. A bare number is refused (seconds or
// milliseconds? the reader cannot tell), with a fix that adds a unit.
import { excerpt, parseProblem, parsedValue, type Parsed } from './value-problem';

type DurationUnit = 'ms' | 's' | 'm' | 'h';
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/** One duration (spaces between parts are tolerated), for the JSON Schema and the think-time grammar. */
export const DURATION_PATTERN = '(?:\\d+(?:\\.\\d+)?\\s*(?:ms|s|m|h)\\s*)+';

// Words people type instead of the units, mapped to the unit they meant.
const UNIT_ALIASES: Readonly<Record<string, DurationUnit>> = {
  msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
};

const NUMBER = '\\d+(?:\\.\\d+)?';
const BARE_NUMBER = new RegExp(`^${NUMBER}$`);
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = new RegExp(`(${NUMBER})(ms|s|m|h)`, 'g');
const NUMBER_AND_WORD = new RegExp(`^(${NUMBER})\\s*([a-zA-Z]+)$`);

/** How to write a duration, for messages. */
export const DURATION_HINT = 'write a number with a unit: 500ms, 10s, 5m, 1h or 1m30s';

/** Reads a duration into seconds. Zero is refused unless `allowZero`. */
export function parseDuration(text: string, options: { allowZero?: boolean } = {}): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return parseProblem('bad-duration', `Missing duration: ${DURATION_HINT}.`);
  if (BARE_NUMBER.test(trimmed)) {
    return parseProblem('bad-duration', `'${excerpt(trimmed)}' has no unit: ${DURATION_HINT}.`, {
      title: `Add a unit: ${trimmed}s`,
      replacement: `${trimmed}s`,
    });
  }
  const compact = trimmed.replace(/\s+/g, '');
  if (!WHOLE.test(compact)) {
    const worded = NUMBER_AND_WORD.exec(trimmed);
    const unit = worded?.[2] === undefined ? undefined : UNIT_ALIASES[worded[2].toLowerCase()];
    if (worded && unit) {
      const replacement = `${worded[1]}${unit}`;
      return parseProblem('bad-duration', `'${excerpt(trimmed)}' is not a duration: write ${replacement}.`, {
        title: `Change to ${replacement}`,
        replacement,
      });
    }
    return parseProblem('bad-duration', `'${excerpt(trimmed)}' is not a duration: ${DURATION_HINT}.`);
  }
  let seconds = 0;
  for (const match of compact.matchAll(PART)) {
    seconds += Number(match[1]) * (SECONDS_PER_UNIT[match[2] ?? ''] ?? 0);
  }
  seconds = roundToMilliseconds(seconds);
  if (seconds === 0 && !options.allowZero) return parseProblem('bad-duration', `The duration must be longer than 0.`);
  return parsedValue(seconds);
}

/** Seconds as the shortest duration string this grammar reads back: 90 → `1m30s`, 0.5 → `500ms`. */
export function formatDuration(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms <= 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const count = Math.floor(ms / size);
    if (count > 0) parts.push(`${count}${unit}`);
    ms -= count * size;
  }
  return parts.join('');
}

/** Seconds in words for hovers: 90 → "1 minute 30 seconds", 0.5 → "500 milliseconds". */
export function durationInWords(seconds: number): string {
  let ms = Math.round(seconds * 1000);
  if (ms <= 0) return '0 seconds';
  const words: string[] = [];
  for (const [unit, size] of [['hour', 3_600_000], ['minute', 60_000], ['second', 1000], ['millisecond', 1]] as const) {
    const count = Math.floor(ms / size);
    if (count > 0) words.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
    ms -= count * size;
  }
  return words.join(' ');
}

/** Seconds without the floating-point dust below a millisecond. */
export function roundToMilliseconds(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
