// Think time: a pause after each request, fixed (`500ms`) or a random range (`1s..3s`).
import { DURATION_PATTERN, durationInWords, formatDuration, parseDuration } from './duration';
import type { ThinkTime } from './model';
import { excerpt, parseProblem, parsedValue, type Parsed } from './value-problem';

/** A think time, for the JSON Schema. */
export const THINK_TIME_PATTERN = `${DURATION_PATTERN}(?:\\s*\\.\\.\\s*${DURATION_PATTERN})?`;
const BARE_RANGE = /^(\d+(?:\.\d+)?)\s*\.\.\s*(\d+(?:\.\d+)?)$/;

/** Reads `1s..3s` or a single duration; zero is allowed (no pause). */
export function parseThinkTime(text: string): Parsed<ThinkTime> {
  const trimmed = text.trim();
  const bare = BARE_RANGE.exec(trimmed);
  if (bare) {
    const replacement = `${bare[1]}s..${bare[2]}s`;
    return parseProblem('bad-think-time', `'${excerpt(trimmed)}' has no units: write ${replacement} or 500ms..2s.`, {
      title: `Add units: ${replacement}`,
      replacement,
    });
  }
  const bounds = trimmed.split('..');
  if (bounds.length > 2) return parseProblem('bad-think-time', `'${excerpt(trimmed)}' is not a think time: write 1s..3s or 500ms.`);
  const parsed = bounds.map((bound) => parseDuration(bound, { allowZero: true }));
  const values: number[] = [];
  for (const result of parsed) {
    if (!result.ok) {
      const message = `${result.problem.message} A think time is a duration (500ms) or a range (1s..3s).`;
      return bounds.length === 1 ? { ok: false, problem: { ...result.problem, code: 'bad-think-time', message } } : parseProblem('bad-think-time', message);
    }
    values.push(result.value);
  }
  const [minSeconds = 0, maxSeconds = minSeconds] = values;
  if (maxSeconds < minSeconds) {
    const replacement = `${formatDuration(maxSeconds)}..${formatDuration(minSeconds)}`;
    return parseProblem('bad-think-time', `The range goes backwards: the shorter pause comes first (${replacement}).`, {
      title: `Swap to ${replacement}`,
      replacement,
    });
  }
  return parsedValue({ minSeconds, maxSeconds });
}

/** "a random pause between 1 second and 3 seconds" / "a pause of 500 milliseconds". */
export function thinkTimeInWords(thinkTime: ThinkTime): string {
  if (thinkTime.minSeconds === thinkTime.maxSeconds) return `a pause of ${durationInWords(thinkTime.minSeconds)}`;
  return `a random pause between ${durationInWords(thinkTime.minSeconds)} and ${durationInWords(thinkTime.maxSeconds)}`;
}
