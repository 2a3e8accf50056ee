// Packages the extension as a .vsix with vsce, offline, from the already built dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { editorOutputDir, repoRoot } from './paths';

// Everything vsce may put in the package (a superset of the .vscodeignore allowlist): any change repackages.
const PACKAGE_INPUTS = ['package.json', '.vscodeignore', 'README.md', 'LICENSE', 'dist', 'schemas', 'syntaxes', 'media'];

function filesUnder(relative: string): string[] {
  const absolute = path.join(repoRoot, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => filesUnder(path.join(relative, name)));
}

function inputsDigest(): string {
  const hash = createHash('sha256');
  for (const file of PACKAGE_INPUTS.flatMap(filesUnder)) hash.update(file).update('\0').update(readFileSync(path.join(repoRoot, file))).update('\0');
  return hash.digest('hex');
}

/**
 * Returns test-output/editor/loadscope.vsix, packaged from the repository (run `node scripts/build.mjs` first);
 * reused while its inputs are unchanged, since vsce takes seconds.
 */
export function packageExtension(): string {
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run `node scripts/build.mjs` first.');
  mkdirSync(editorOutputDir, { recursive: true });
  const out = path.join(editorOutputDir, 'loadscope.vsix');
  const digestFile = `${out}.sha256`;
  const digest = inputsDigest();
  if (existsSync(out) && existsSync(digestFile) && readFileSync(digestFile, 'utf8') === digest) return out;

  const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
  const partial = path.join(editorOutputDir, 'loadscope.partial.vsix');
  // --no-dependencies: dist/ is bundled, so vsce must neither list nor ask npm about node_modules.
  // --no-rewrite-relative-links: the README links docs/ relatively and the repository is not on GitHub, which vsce
  // would otherwise refuse (it wants a base URL to rewrite them to).
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', partial], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`vsce package failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  renameSync(partial, out);
  writeFileSync(digestFile, digest);
  return out;
}
