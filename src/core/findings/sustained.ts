// When a condition began and held: per-second flags read through a sliding window, so one noisy second neither
// starts a finding nor ends one.

export interface SustainRule {
  /** Seconds in the window. */
  window: number;
  /** Seconds of the window the condition must hold in, counting the first. */
  need: number;
}

/** Latency over a target: 4 of 5 seconds, so one quiet second inside a crossing does not hide it. */
export const LATENCY_RULE: SustainRule = { window: 5, need: 4 };

/** Errors: 3 of 5 seconds, since errors come in bursts with gaps even when they never stop. */
export const ERROR_RULE: SustainRule = { window: 5, need: 3 };

/** The first position where the condition holds and keeps holding for `rule`; undefined when it never does. */
export function sustainedOnset(flags: readonly boolean[], rule: SustainRule): number | undefined {
  for (let start = 0; start + rule.window <= flags.length; start += 1) {
    if (flags[start] !== true) continue;
    let held = 0;
    for (let offset = 0; offset < rule.window; offset += 1) if (flags[start + offset] === true) held += 1;
    if (held >= rule.need) return start;
  }
  return undefined;
}

/** The last position of the stretch that began at `onset`: it ends once the condition is off for a whole window. */
export function stretchEnd(flags: readonly boolean[], onset: number, rule: SustainRule): number {
  let last = onset;
  let off = 0;
  for (let position = onset; position < flags.length; position += 1) {
    if (flags[position] === true) {
      last = position;
      off = 0;
    } else if (++off >= rule.window) {
      break;
    }
  }
  return last;
}
