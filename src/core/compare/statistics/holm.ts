// Many figures are tested at once (five per request); without a correction, a comparison of twenty requests would
// report something "significant" in most runs of the same build. Holm's step-down method keeps the chance of any
// false alarm in the whole comparison below alpha, and is never weaker than Bonferroni.

/** Holm-adjusted p-values, in the order given. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
