// Weighted choice of the next mix item. Pure, so it is unit-tested in Node.

/** The item whose share of the total weight contains `roll` (a number in [0, 1)). */
export function pickWeighted<T extends { weight: number }>(items: readonly T[], roll: number): T | undefined {
  const total = items.reduce((sum, item) => sum + Math.max(0, item.weight), 0);
  if (total <= 0) return items[0];
  let point = roll * total;
  for (const item of items) {
    point -= Math.max(0, item.weight);
    if (point < 0) return item;
  }
  return items[items.length - 1];
}
