// The standard normal distribution's tail, enough for the p-values of the comparison's tests.

/** Complementary error function, Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const value = poly * Math.exp(-z * z);
  return x >= 0 ? value : 2 - value;
}

/** Two-sided p-value of a standard normal score: P(|Z| >= |z|). */
export function twoSidedPValue(z: number): number {
  if (Number.isNaN(z) || z === 0) return 1;
  return Math.min(1, Math.max(0, erfc(Math.abs(z) / Math.SQRT2)));
}
