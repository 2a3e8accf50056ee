// Finds the bundled report page script (dist/report-page.js) that report.html inlines.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPORT_PAGE_FILE = 'report-page.js';
const PACKAGE_NAME = 'loadscope';

function isLoadscopePackageRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** Path of report-page.js: next to the running bundle (dist/), else in dist/ of the enclosing Loadscope package
 * (when running from source, e.g. under vitest); undefined when it was never built. */
export function locateReportPageScript(startDir: string = __dirname): string | undefined {
  const beside = path.join(startDir, REPORT_PAGE_FILE);
  if (existsSync(beside)) return beside;
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    if (isLoadscopePackageRoot(dir)) {
      const built = path.join(dir, 'dist', REPORT_PAGE_FILE);
      return existsSync(built) ? built : undefined;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The page script's text; throws an error that says how to build it when it is missing. */
export function loadReportPageScript(startDir?: string): string {
  const found = locateReportPageScript(startDir);
  if (found === undefined) {
    throw new Error(
      `report.html needs the bundled page script ${REPORT_PAGE_FILE}, which was not found next to the running code or in the package's dist/ folder. ` +
        'Build it with `node scripts/build.mjs` (npm run build).',
    );
  }
  return readFileSync(found, 'utf8');
}
