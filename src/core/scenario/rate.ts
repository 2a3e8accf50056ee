// Rates: `10/s`, `600/m`, `100/h`. Used for spawn rates (users started), arrival rates (iterations started)
// and throughput targets (requests).
import { excerpt, parseProblem, parsedValue, type Parsed } from './value-problem';

export type RateUnit = 's' | 'm' | 'h';

export interface Rate {
  count: number;
  per: RateUnit;
  perSecond: number;
}

/** One rate, for the JSON Schema. */
export const RATE_PATTERN = '\\d+(?:\\.\\d+)?\\s*/\\s*(?:s|m|h)';
/** How to write a rate, for messages. */
export const RATE_HINT = 'write a count per time unit: 10/s, 600/m or 100/h';

const SECONDS: Readonly<Record<RateUnit, number>> = { s: 1, m: 60, h: 3600 };
const NUMBER = '\\d+(?:\\.\\d+)?';
const WHOLE = new RegExp(`^(${NUMBER})\\s*/\\s*(s|m|h)$`);
const BARE_NUMBER = new RegExp(`^${NUMBER}$`);
// `10/sec`, `10 per second`, `10rps`, `10/min`: the meaning is clear, so the fix can be exact.
const WORDED = new RegExp(`^(${NUMBER})\\s*(?:/|per\\s+|\\s)?\\s*([a-zA-Z]+)$`);
const UNIT_WORDS: Readonly<Record<string, RateUnit>> = {
  sec: 's', secs: 's', second: 's', seconds: 's', rps: 's', qps: 's', ps: 's',
  min: 'm', mins: 'm', minute: 'm', minutes: 'm', rpm: 'm',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h', rph: 'h',
};

function isRateUnit(unit: string | undefined): unit is RateUnit {
  return unit === 's' || unit === 'm' || unit === 'h';
}

/** Reads a rate; zero is refused unless `allowZero` (a stage may ramp down to `0/s`). */
export function parseRate(text: string, options: { allowZero?: boolean } = {}): Parsed<Rate> {
  const trimmed = text.trim();
  if (trimmed === '') return parseProblem('bad-rate', `Missing rate: ${RATE_HINT}.`);
  if (BARE_NUMBER.test(trimmed)) {
    return parseProblem('bad-rate', `'${excerpt(trimmed)}' has no time unit: ${RATE_HINT}.`, {
      title: `Add a unit: ${trimmed}/s`,
      replacement: `${trimmed}/s`,
    });
  }
  const match = WHOLE.exec(trimmed);
  const per = match?.[2];
  if (!match || !isRateUnit(per)) {
    const worded = WORDED.exec(trimmed);
    const unit = worded?.[2] === undefined ? undefined : UNIT_WORDS[worded[2].toLowerCase()];
    if (worded && unit) {
      const replacement = `${worded[1]}/${unit}`;
      return parseProblem('bad-rate', `'${excerpt(trimmed)}' is not a rate: write ${replacement}.`, { title: `Change to ${replacement}`, replacement });
    }
    return parseProblem('bad-rate', `'${excerpt(trimmed)}' is not a rate: ${RATE_HINT}.`);
  }
  const count = Number(match[1]);
  if (count === 0 && !options.allowZero) return parseProblem('bad-rate', 'The rate must be more than 0.');
  return parsedValue({ count, per, perSecond: count / SECONDS[per] });
}

/** A per-second rate in the shortest exact form: 10 → `10/s`, 0.5 → `30/m`, 1/3600 → `1/h`. */
export function formatRate(perSecond: number): string {
  for (const [unit, seconds] of [['s', 1], ['m', 60], ['h', 3600]] as const) {
    const count = perSecond * seconds;
    if (Math.abs(count - Math.round(count)) < 1e-9) return `${Math.round(count)}/${unit}`;
  }
  return `${Math.round(perSecond * 100) / 100}/s`;
}

/** "10 per second" style words for hovers. */
export function rateInWords(rate: Rate, what: string): string {
  const unit = { s: 'second', m: 'minute', h: 'hour' }[rate.per];
  const perSecond = rate.per === 's' ? '' : ` (${Math.round(rate.perSecond * 1000) / 1000} per second)`;
  return `${rate.count} ${what} per ${unit}${perSecond}`;
}
