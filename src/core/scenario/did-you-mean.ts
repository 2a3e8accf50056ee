// Suggests the closest known word for a misspelt one (keys, metrics, functions, request names).

/** The candidate closest to `word`, or undefined when none is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let prefixed: string | undefined;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = candidate.toLowerCase();
    const distance = candidateLower === lower ? 0 : editDistance(lower, candidateLower);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    // A typed beginning ("max" for "maxUsers") is a likely meaning too.
    if (prefixed === undefined && lower.length >= 3 && candidateLower.startsWith(lower)) prefixed = candidate;
  }
  // A third of the word may be wrong; short words still get one edit.
  const allowed = best === undefined ? 0 : Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return best !== undefined && bestDistance <= allowed ? best : prefixed;
}

/** Levenshtein distance with adjacent transpositions counted as one edit ("pyy" → "p99" is not, "udration" → "duration" is). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 16) return Math.abs(a.length - b.length);
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] ?? [];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    const previous = rows[i - 1] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = value;
    }
  }
  return rows[a.length]?.[b.length] ?? 0;
}
