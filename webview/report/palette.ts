// Chart colours for light and dark pages. Chosen here rather than read from CSS so printing can force the light set.

export interface Palette {
  dark: boolean;
  text: string;
  grid: string;
  rps: string;
  failures: string;
  p50: string;
  p95: string;
  p99: string;
  users: string;
  dropped: string;
  target: string;
  series: readonly string[];
}

const LIGHT: Palette = {
  dark: false,
  text: '#1f2328',
  grid: 'rgba(31, 35, 40, 0.12)',
  rps: '#0969da',
  failures: '#cf222e',
  p50: '#1a7f37',
  p95: '#bf8700',
  p99: '#cf222e',
  users: '#8250df',
  dropped: '#bc4c00',
  target: '#59636e',
  series: ['#0969da', '#1a7f37', '#bf8700', '#8250df', '#bc4c00', '#1b7c83', '#bf3989', '#59636e'],
};

const DARK: Palette = {
  dark: true,
  text: '#e6edf3',
  grid: 'rgba(230, 237, 243, 0.14)',
  rps: '#4493f8',
  failures: '#f85149',
  p50: '#3fb950',
  p95: '#d29922',
  p99: '#f85149',
  users: '#ab7df8',
  dropped: '#db6d28',
  target: '#9198a1',
  series: ['#4493f8', '#3fb950', '#d29922', '#ab7df8', '#db6d28', '#39c5cf', '#db61a2', '#9198a1'],
};

/** The palette for a light or dark page. */
export function paletteFor(dark: boolean): Palette {
  return dark ? DARK : LIGHT;
}

const SHADE_OFFSETS = [0, 14, -12, 24, -20];

/** A colour per status code: 2xx greens, 3xx blues, other 4xx oranges, 429 magenta, 5xx reds, network errors grey.
 * `shade` (0, 1, 2 …) separates codes of the same class. */
export function statusColour(status: string, shade: number, dark: boolean): string {
  const code = Number(status);
  const [hue, saturation] =
    code === 429 ? [300, 70] : code >= 500 ? [0, 75] : code >= 400 ? [30, 85] : code >= 300 ? [210, 70] : code >= 200 ? [135, 55] : [0, 0];
  const lightness = (dark ? 60 : 42) + (SHADE_OFFSETS[shade % SHADE_OFFSETS.length] ?? 0);
  return `hsl(${hue}, ${saturation}%, ${Math.max(20, Math.min(80, lightness))}%)`;
}

/** The class a status code belongs to, for picking shades. */
export function statusClass(status: string): string {
  const code = Number(status);
  if (code === 429) return '429';
  if (!Number.isFinite(code) || code < 100) return 'network';
  return `${Math.floor(code / 100)}xx`;
}
