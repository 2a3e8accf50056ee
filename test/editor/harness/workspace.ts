// Throwaway copies of workspace folders, so a test may edit files without touching the repository.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { editorOutputDir, repoRoot } from './paths';

/** The fixture used while the repository's scenarios/ folder is still empty. */
export const fixtureWorkspace = path.join(repoRoot, 'test', 'editor', 'fixtures', 'workspace');

/** scenarios/ when it holds anything, else the fixture workspace. */
export function sampleWorkspaceSource(): string {
  const scenarios = path.join(repoRoot, 'scenarios');
  return existsSync(scenarios) && readdirSync(scenarios).length > 0 ? scenarios : fixtureWorkspace;
}

/** Copies `source` to a fresh folder under test-output/editor/workspaces/ and returns its absolute path. */
export function copyWorkspace(source: string, label: string): string {
  const parent = path.join(editorOutputDir, 'workspaces');
  mkdirSync(parent, { recursive: true });
  const target = mkdtempSync(path.join(parent, `${label.replace(/[^a-z0-9-]+/gi, '-')}-`));
  cpSync(source, target, { recursive: true });
  return target;
}
