// Chart colours from the VS Code theme: its CSS variables (set on the page by VS Code) in the report's palette
// shape, re-read whenever the theme changes. The report's own palette fills in anything a theme leaves out.

import { paletteFor, type Palette } from '../report/palette';
import type { LatencyColours } from './latency-lines';

export interface Theme {
  palette: Palette;
  /** The latency chart's lines: p50, p95 and p99 as in the report, p90 and max in hues of their own. */
  latency: LatencyColours;
  /** High-contrast themes get thicker lines and visible borders. */
  highContrast: boolean;
  fontFamily: string;
  fontSize: number;
}

function themeKind(body: HTMLElement): 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' {
  if (body.classList.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (body.classList.contains('vscode-high-contrast')) return 'high-contrast';
  if (body.classList.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** The current theme's chart colours and font. */
export function readTheme(): Theme {
  const body = document.body;
  const style = getComputedStyle(body);
  const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kind = themeKind(body);
  const dark = kind === 'dark' || kind === 'high-contrast';
  const highContrast = kind === 'high-contrast' || kind === 'high-contrast-light';
  const base = paletteFor(dark);
  const blue = css('--vscode-charts-blue', base.rps);
  const red = css('--vscode-charts-red', base.failures);
  const green = css('--vscode-charts-green', base.p50);
  const yellow = css('--vscode-charts-yellow', base.p95);
  const orange = css('--vscode-charts-orange', base.dropped);
  const purple = css('--vscode-charts-purple', base.users);
  const foreground = css('--vscode-foreground', base.text);
  const palette: Palette = {
    dark,
    text: foreground,
    grid: highContrast ? css('--vscode-contrastBorder', foreground) : css('--vscode-charts-lines', base.grid),
    rps: blue,
    failures: red,
    p50: green,
    p95: yellow,
    p99: red,
    users: purple,
    dropped: orange,
    target: css('--vscode-descriptionForeground', base.target),
    // Theme colours first, then the report's extra hues and two more, so ten request names stay apart.
    series: [blue, green, yellow, purple, orange, red, ...base.series.slice(5), `hsl(45, 60%, ${dark ? 62 : 36}%)`, `hsl(200, 55%, ${dark ? 70 : 32}%)`],
  };
  const latency: LatencyColours = { p50: palette.p50, p90: blue, p95: palette.p95, p99: palette.p99, max: purple };
  const fontSize = Number.parseFloat(css('--vscode-font-size', '13'));
  return { palette, latency, highContrast, fontFamily: css('--vscode-font-family', 'sans-serif'), fontSize: Number.isFinite(fontSize) ? fontSize : 13 };
}

/**
 * Calls `onChange` with the new theme after VS Code switches themes: it changes the body's class (light, dark,
 * high contrast) and, between themes of one kind, only the variables on the root element.
 */
export function watchTheme(onChange: (theme: Theme) => void): () => void {
  let current = JSON.stringify(readTheme());
  let scheduled = false;
  const check = () => {
    scheduled = false;
    const theme = readTheme();
    const text = JSON.stringify(theme);
    if (text === current) return;
    current = text;
    onChange(theme);
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(check);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
