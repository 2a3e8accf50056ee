// Finds the binaries that scripts/setup-editor.mjs installed, from the manifest it writes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

/** Absolute paths of the tools the editor tests run. */
export interface EditorTools {
  /** Node 24, which code-server 4.139 requires. */
  node: string;
  /** code-server's entry script, run with `node`. */
  codeServerEntry: string;
  chromium: string;
  codeServerVersion: string;
}

interface ManifestLayout {
  node: string;
  codeServerEntry: string;
  chromium: string;
}

const SETUP_HINT = 'Run `node scripts/setup-editor.mjs` first (it installs Chromium, Node 24 and code-server into .tools/).';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isManifestLayout(value: unknown): value is ManifestLayout {
  return isRecord(value) && typeof value.node === 'string' && typeof value.codeServerEntry === 'string' && typeof value.chromium === 'string';
}

/** Reads .tools/editor-tools.json and checks that every binary it names exists; throws with what to run otherwise. */
export function findEditorTools(): EditorTools {
  const manifestPath = path.join(repoRoot, '.tools', 'editor-tools.json');
  if (!existsSync(manifestPath)) throw new Error(`The editor tools are not installed. ${SETUP_HINT}`);
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!isRecord(manifest) || !isManifestLayout(manifest.layout) || typeof manifest.codeServer !== 'string') {
    throw new Error(`.tools/editor-tools.json is incomplete (an interrupted install?). ${SETUP_HINT}`);
  }
  const tools: EditorTools = {
    node: path.resolve(repoRoot, manifest.layout.node),
    codeServerEntry: path.resolve(repoRoot, manifest.layout.codeServerEntry),
    chromium: path.resolve(repoRoot, manifest.layout.chromium),
    codeServerVersion: manifest.codeServer,
  };
  for (const file of [tools.node, tools.codeServerEntry, tools.chromium]) {
    if (!existsSync(file)) throw new Error(`${file} is missing. ${SETUP_HINT}`);
  }
  return tools;
}
