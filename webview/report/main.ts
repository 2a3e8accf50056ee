// The script inlined into report.html: reads the run from its JSON block and renders tables and charts.

import { isRunResult } from '../../src/core/report/decode-run-result';
import { RUN_DATA_ELEMENT_ID } from '../../src/core/report/run-data-id';
import { chartsSection, monitorChartsSection } from './charts';
import { el, note, section } from './dom';
import { paletteFor } from './palette';
import { errorsSection, findingsSection, loadSection, requestsSection, runDetailsSection, serverMetricsSection, statusSection, targetsSection, totalsSection } from './sections';

function readRunData(): unknown {
  const text = document.getElementById(RUN_DATA_ELEMENT_ID)?.textContent ?? '';
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function render(): void {
  const main = document.getElementById('report');
  if (main === null) return;
  const data = readRunData();
  if (!isRunResult(data)) {
    main.append(note('The run data embedded in this page is missing or not in the expected shape; see summary.json next to it.'));
    return;
  }
  main.append(runDetailsSection(data), totalsSection(data), targetsSection(data), findingsSection(data));

  if (data.timeline.length > 0) {
    const charts = chartsSection(data);
    main.append(section('Over time', [charts.element]));
    const monitorCharts = monitorChartsSection(data);
    const server = serverMetricsSection(data, monitorCharts === undefined ? [] : [monitorCharts.element]);
    if (server !== undefined) main.append(server);
    const drawAll = (dark: boolean) => {
      const palette = paletteFor(dark);
      charts.draw(palette);
      monitorCharts?.draw(palette);
    };
    const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => drawAll(darkScheme.matches);
    redraw();
    darkScheme.addEventListener('change', redraw);
    // Paper is white whatever the screen's scheme.
    window.addEventListener('beforeprint', () => drawAll(false));
    window.addEventListener('afterprint', redraw);
  } else {
    main.append(section('Over time', [note('No measurements over time: the run produced no timeline.')]));
    const server = serverMetricsSection(data, []);
    if (server !== undefined) main.append(server);
  }

  const statuses = statusSection(data);
  main.append(requestsSection(data), errorsSection(data), ...(statuses === undefined ? [] : [statuses]), loadSection(data));
  main.append(el('p', { className: 'muted' }, ['The same figures are in report.md, summary.json, the Locust-format CSV files and junit.xml next to this page.']));
}

render();
