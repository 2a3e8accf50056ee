// The small type guards every decoder builds on (summary.json, report data, webview messages): what arrives
// from outside is checked with these, never cast.

export type Guard<T> = (value: unknown) => value is T;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Any number, as JSON can carry it. */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** A number that is neither NaN nor infinite: for values that structured cloning could carry either way. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

export function isArrayOf<T>(value: unknown, guard: Guard<T>): value is T[] {
  return Array.isArray(value) && value.every((item) => guard(item));
}

export function isRecordOf<T>(value: unknown, guard: Guard<T>): value is Record<string, T> {
  return isObject(value) && Object.values(value).every((item) => guard(item));
}

/** True when each of `fields` of `value` passes `guard`. */
export function fieldsAre(value: Record<string, unknown>, fields: readonly string[], guard: Guard<unknown>): boolean {
  return fields.every((field) => guard(value[field]));
}

/** A guard for one of a fixed set of strings. */
export function isOneOf<T extends string>(choices: readonly T[]): Guard<T> {
  return (value: unknown): value is T => typeof value === 'string' && choices.some((choice) => choice === value);
}

/** `guard`, also accepting null. */
export function orNull<T>(guard: Guard<T>): Guard<T | null> {
  return (value: unknown): value is T | null => value === null || guard(value);
}
