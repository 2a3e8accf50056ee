// Writes a compiled test as a folder that plain `k6 run script.js` runs: the fixed runtime module
// (always the same bytes, whatever the scenario), plan.json, the CSV data files, and a README.

import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledTest } from './compile';

export const SCRIPT_FILE = 'script.js';
export const PLAN_FILE = 'plan.json';
const RUNTIME_FILE = 'k6-runtime.js';

/**
 * Path of the built k6 runtime: next to the running bundle (dist/*.js), or, when running from sources
 * (tests), in dist/ of the package root found by walking up.
 */
export function runtimeModulePath(): string {
  const here = __dirname;
  const beside = path.join(here, RUNTIME_FILE);
  if (existsSync(beside)) return beside;
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (isPackageRoot(dir)) {
      const built = path.join(dir, 'dist', RUNTIME_FILE);
      if (existsSync(built)) return built;
      throw new Error(`The k6 runtime is not built (${built} is missing). Run \`node scripts/build.mjs\` first.`);
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`The k6 runtime (${RUNTIME_FILE}) was not found next to ${here} nor in a package dist/ folder above it.`);
}

function isPackageRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'loadscope';
  } catch {
    return false;
  }
}

/** Writes script.js, plan.json, the data files and README.txt into `dir` (created if needed). */
export function writeK6Test(dir: string, compiled: CompiledTest): { scriptPath: string; planPath: string } {
  mkdirSync(dir, { recursive: true });
  const scriptPath = path.join(dir, SCRIPT_FILE);
  const planPath = path.join(dir, PLAN_FILE);
  copyFileSync(runtimeModulePath(), scriptPath);
  writeFileSync(planPath, JSON.stringify({ ...compiled.plan, options: compiled.options }, null, 2) + '\n');
  for (const file of compiled.dataFiles) copyFileSync(file.sourcePath, path.join(dir, file.name));
  writeFileSync(path.join(dir, 'README.txt'), readme(compiled));
  return { scriptPath, planPath };
}

function readme(compiled: CompiledTest): string {
  return [
    `Load test compiled by Loadscope from the scenario ${JSON.stringify(compiled.plan.scenario)}.`,
    '',
    'run with: k6 run script.js',
    '',
    'script.js is the Loadscope k6 runtime; it reads plan.json (the scenario as data) from its own folder,',
    'or from the path in the LOADSCOPE_PLAN environment variable. Values written as ${env:NAME} in the',
    'scenario are read from the environment when the test runs: set them before `k6 run`.',
    'When LOADSCOPE_SUMMARY is set, the end-of-test summary data is written there as JSON instead of printed.',
    '',
  ].join('\n');
}
