// Reads plan.json and the CSV data it names, in k6's init context.

import { SharedArray } from 'k6/data';
import type { Plan, PlanDataSource } from '../core/compile/plan';
import { parseCsv } from './csv';

/** A CSV source: its header row and data rows, shared by all users of the process. */
export interface DataTable {
  order: PlanDataSource['order'];
  columns: readonly string[];
  /** Element 0 is the header row; data rows follow. */
  rows: SharedArray<string[]>;
}

/** Shape check of the decoded file: enough to refuse a file that is not a plan of this version. */
export function isPlan(value: unknown): value is Plan {
  if (typeof value !== 'object' || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return (
    v.version === 1 &&
    typeof v.scenario === 'string' &&
    Array.isArray(v.target) &&
    Array.isArray(v.headers) &&
    Array.isArray(v.variables) &&
    Array.isArray(v.data) &&
    Array.isArray(v.groups) &&
    typeof v.options === 'object' &&
    v.options !== null
  );
}

export function readPlan(path: string): Plan {
  let text: string;
  try {
    text = open(path);
  } catch (error) {
    throw new Error(`Loadscope: cannot read the test plan ${path} (${String(error)}). Keep plan.json next to script.js or set LOADSCOPE_PLAN.`);
  }
  const value: unknown = JSON.parse(text);
  if (!isPlan(value)) throw new Error(`Loadscope: ${path} is not a version 1 test plan; compile the scenario again with this version.`);
  return value;
}

/** The folder part of a path as k6's open() takes it ('' when none). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut + 1);
}

/** One table per data source, read relative to the plan's folder. */
export function readDataTables(plan: Plan, planPath: string): Map<string, DataTable> {
  const tables = new Map<string, DataTable>();
  plan.data.forEach((source, i) => {
    const file = folderOf(planPath) + source.file;
    const rows = new SharedArray<string[]>(`loadscope-data-${i}`, () => {
      const parsed = parseCsv(open(file));
      if (parsed.length === 0) throw new Error(`Loadscope: data file ${file} (source "${source.name}") is empty.`);
      return parsed;
    });
    tables.set(source.name, { order: source.order, columns: rows[0] ?? source.columns, rows });
  });
  return tables;
}
