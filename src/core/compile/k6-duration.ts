// k6 reads durations as strings; whole seconds stay readable, anything finer goes to milliseconds.

/** `30` → `30s`, `0.25` → `250ms`. */
export function formatK6Duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`Not a duration: ${seconds} seconds`);
  if (Number.isInteger(seconds)) return `${seconds}s`;
  return `${Math.round(seconds * 1000)}ms`;
}
