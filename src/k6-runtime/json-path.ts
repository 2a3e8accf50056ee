// The small JSON path subset used by captures and checks: `$`, `.name`, `[0]`, `['any key']`, `["any key"]`.
// It walks a parsed value; nothing is evaluated. Pure, so it is unit-tested in Node.

export type PathSegment = string | number;

/** Segments of a path such as `$.items[0].id`; throws on anything outside the subset. */
export function parseJsonPath(path: string): PathSegment[] {
  if (!path.startsWith('$')) throw new Error(`JSON path must start with $: ${path}`);
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const match = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!match) throw new Error(`Missing name after "." at ${i + 1} in JSON path ${path}`);
      segments.push(match[0]);
      i += 1 + match[0].length;
    } else if (c === '[') {
      const rest = path.slice(i);
      const index = /^\[(\d+)\]/.exec(rest);
      const key = /^\[(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\]/.exec(rest);
      if (index?.[1] !== undefined) {
        segments.push(Number(index[1]));
        i += index[0].length;
      } else if (key) {
        segments.push((key[1] ?? key[2] ?? '').replace(/\\(.)/g, '$1'));
        i += key[0].length;
      } else {
        throw new Error(`Expected [number] or ['key'] at ${i + 1} in JSON path ${path}`);
      }
    } else {
      throw new Error(`Unexpected "${c}" at ${i + 1} in JSON path ${path}`);
    }
  }
  return segments;
}

/** The value at `segments`, or `found: false` when any step is missing. */
export function walkJsonPath(value: unknown, segments: readonly PathSegment[]): { found: boolean; value?: unknown } {
  let current = value;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, segment)) {
        return { found: false };
      }
      current = Reflect.get(current, segment);
    }
  }
  return { found: true, value: current };
}
