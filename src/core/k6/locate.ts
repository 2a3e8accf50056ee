// Finds the k6 binary to run, in a fixed order: the explicit option or setting, LOADSCOPE_K6, PATH, then the
// project's tool folder (where `npm run setup` builds it). Each candidate must answer `k6 version` with the major
// version Loadscope is written for. A path the user set explicitly that does not work is an error, not something
// to route around: running a different k6 than the one asked for would be a surprise.

import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/** The k6 major version the compiler and runtime target (module go.k6.io/k6/v2). */
export const REQUIRED_K6_MAJOR = 2;

export type K6Source = 'option' | 'LOADSCOPE_K6' | 'PATH' | 'tool folder';

export interface K6Location {
  path: string;
  /** As k6 prints it, e.g. `v2.2.0`. */
  version: string;
  source: K6Source;
}

export interface K6Candidate {
  path: string;
  source: K6Source;
  /** Why it was not used. */
  problem: string;
}

export type LocateResult = { ok: true; k6: K6Location } | { ok: false; message: string; tried: K6Candidate[] };

export interface LocateOptions {
  /** From `--k6` or the `loadscope.k6Path` setting. */
  explicitPath?: string;
  /** Named in messages, e.g. "--k6" or "the loadscope.k6Path setting". */
  explicitLabel?: string;
  env?: NodeJS.ProcessEnv;
  /** The project's tool folder holding a k6 built by `npm run setup` (`.tools/bin`). */
  toolDir?: string;
  platform?: NodeJS.Platform;
  /** Runs `<path> version` and resolves to its output; replaceable in tests. */
  probe?: (binary: string) => Promise<string>;
}

/** Finds a usable k6, or explains what was tried and what to do. */
export async function locateK6(options: LocateOptions = {}): Promise<LocateResult> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const probe = options.probe ?? probeVersion;
  const exe = platform === 'win32' ? 'k6.exe' : 'k6';
  const tried: K6Candidate[] = [];

  const check = async (candidate: { path: string; source: K6Source }): Promise<K6Location | undefined> => {
    const problem = await problemWith(candidate.path, probe);
    if (typeof problem !== 'string') return { ...candidate, version: problem.version };
    tried.push({ ...candidate, problem });
    return undefined;
  };

  const explicit: { path: string; source: K6Source; label: string } | undefined = options.explicitPath
    ? { path: options.explicitPath, source: 'option', label: options.explicitLabel ?? 'the k6 path option' }
    : env.LOADSCOPE_K6
      ? { path: env.LOADSCOPE_K6, source: 'LOADSCOPE_K6', label: 'LOADSCOPE_K6' }
      : undefined;
  if (explicit) {
    const found = await check({ path: explicit.path, source: explicit.source });
    if (found) return { ok: true, k6: found };
    return { ok: false, tried, message: failureMessage(tried, `k6 set by ${explicit.label} cannot be used.`, explicit.label) };
  }

  const seen = new Set<string>();
  const pathDirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : path.delimiter).filter(Boolean);
  for (const dir of pathDirs) {
    const candidate = path.join(dir, exe);
    if (seen.has(candidate) || !isFile(candidate)) continue;
    seen.add(candidate);
    const found = await check({ path: candidate, source: 'PATH' });
    if (found) return { ok: true, k6: found };
  }
  if (seen.size === 0) tried.push({ path: exe, source: 'PATH', problem: 'not found on PATH' });

  if (options.toolDir) {
    const candidate = path.join(options.toolDir, exe);
    if (isFile(candidate)) {
      const found = await check({ path: candidate, source: 'tool folder' });
      if (found) return { ok: true, k6: found };
    } else {
      tried.push({ path: candidate, source: 'tool folder', problem: 'no such file' });
    }
  }
  return { ok: false, tried, message: failureMessage(tried, `No usable k6 (v${REQUIRED_K6_MAJOR}.x) was found.`) };
}

/** The version in `k6 version` output ("k6 v2.2.0 (go1.26.8, linux/amd64)"); the first word is the binary's name. */
export function parseK6Version(output: string): string | undefined {
  return /(?:^|\s)(v\d+\.\d+\.\d+[^\s,)]*)/.exec(output)?.[1];
}

/** The major version of a `vX.Y.Z` string. */
export function majorVersion(version: string): number | undefined {
  const match = /^v?(\d+)\./.exec(version);
  return match ? Number(match[1]) : undefined;
}

async function problemWith(binary: string, probe: (binary: string) => Promise<string>): Promise<string | { version: string }> {
  if (!isFile(binary)) return 'no such file';
  let output: string;
  try {
    output = await probe(binary);
  } catch (error) {
    return `\`k6 version\` failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  const version = parseK6Version(output);
  if (!version) return `\`k6 version\` printed no version (${JSON.stringify(output.trim().slice(0, 80))})`;
  if (majorVersion(version) !== REQUIRED_K6_MAJOR) return `k6 ${version}, but Loadscope needs k6 v${REQUIRED_K6_MAJOR}.x`;
  return { version };
}

function isFile(candidate: string): boolean {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function probeVersion(binary: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      binary,
      ['version'],
      { timeout: 15_000, windowsHide: true, env: { ...process.env, K6_NO_USAGE_REPORT: 'true', K6_AUTO_EXTENSION_RESOLUTION: 'false' } },
      (error, stdout, stderr) => (error ? reject(error) : resolve(`${stdout}${stderr}`)),
    );
  });
}

function failureMessage(tried: readonly K6Candidate[], headline: string, explicitLabel?: string): string {
  const lines = [headline, 'Tried:'];
  for (const candidate of tried) lines.push(`  - ${candidate.path} (${candidate.source}): ${candidate.problem}`);
  lines.push('To fix it, do one of these:');
  if (explicitLabel) lines.push(`  - correct or remove ${explicitLabel};`);
  lines.push(
    `  - install k6 v${REQUIRED_K6_MAJOR}.x from your package manager or https://github.com/grafana/k6/releases and put it on PATH;`,
    '  - in the Loadscope project, run `npm run setup` to build it into .tools/bin (needs Go);',
    '  - point LOADSCOPE_K6, the --k6 option or the loadscope.k6Path setting at a k6 binary.',
  );
  return lines.join('\n');
}
