// CSV data sources: resolve each file next to the scenario, check that it exists and read its column names.
import path from 'node:path';
import { parseCsvHeader } from './csv-header';
import type { DiagnosticSink } from './diagnostic-sink';
import type { DataSource } from './model';
import { DEFAULTS } from './spec';
import type { AcceptedValues } from './values';
import { valueOf, type YNode } from './yaml-tree';

/** Reads files for the loader; undefined when the file cannot be read. */
export interface ScenarioHost {
  readFile(absolutePath: string): string | undefined;
}

type DataOrder = DataSource['order'];

function isDataOrder(text: string | undefined): text is DataOrder {
  return text === 'sequential' || text === 'random' || text === 'perUser';
}

/** The data sources that could be read; unreadable ones are reported and left out. */
export function readDataSources(node: YNode | undefined, values: AcceptedValues, sink: DiagnosticSink, scenarioFile: string, host: ScenarioHost): DataSource[] {
  if (node?.kind !== 'map') return [];
  const sources: DataSource[] = [];
  for (const entry of node.entries) {
    const fileNode = valueOf(entry.value, 'file');
    const relative = values.text(fileNode);
    if (!fileNode || relative === undefined) continue;
    const orderText = values.text(valueOf(entry.value, 'order')) ?? DEFAULTS.dataOrder;
    const order: DataOrder = isDataOrder(orderText) ? orderText : 'sequential';
    const file = path.resolve(path.dirname(scenarioFile), relative);
    const content = host.readFile(file);
    const at = { start: fileNode.start, end: fileNode.end };
    if (content === undefined) {
      sink.error('data-file-missing', `Cannot read '${relative}' (looked at ${file}); data files are relative to the scenario file.`, at);
      continue;
    }
    const columns = parseCsvHeader(content);
    if (!columns) {
      sink.error('data-file-empty', `'${relative}' is empty: its first row must name the columns (email,password).`, at);
      continue;
    }
    const duplicates = columns.filter((column, index) => columns.indexOf(column) !== index);
    if (duplicates.length > 0) sink.warning('duplicate-column', `'${relative}' names the column ${duplicates.map((d) => `'${d}'`).join(', ')} more than once; the first one is used.`, at);
    sources.push({ name: entry.key, file, order, columns });
  }
  return sources;
}
