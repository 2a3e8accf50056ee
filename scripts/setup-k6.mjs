// Makes sure a usable k6 exists: reuses one that is already there (LOADSCOPE_K6, PATH, .tools/bin) or builds the
// pinned version from source with Go into .tools/bin. Plain Node, no dependencies, safe to run again and again.
//
//   node scripts/setup-k6.mjs                 reuse or build
//   node scripts/setup-k6.mjs --force         build even if a usable k6 exists
//   node scripts/setup-k6.mjs --output PATH   build to PATH instead of .tools/bin/k6 (implies --force)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The one place the k6 version is pinned. The module path carries the major version (Go semantic import versioning).
const K6_VERSION = 'v2.2.0';
const K6_MODULE = 'go.k6.io/k6/v2';
const MIN_GO = [1, 25];

const root = path.resolve(import.meta.dirname, '..');
const exe = process.platform === 'win32' ? '.exe' : '';
const toolBin = path.join(root, '.tools', 'bin');
const buildDir = path.join(root, '.tools', 'k6-build');

const args = process.argv.slice(2);
const outputIndex = args.indexOf('--output');
const explicitOutput = outputIndex >= 0 ? args[outputIndex + 1] : undefined;
if (outputIndex >= 0 && !explicitOutput) fail('--output needs a path.');
const force = args.includes('--force') || explicitOutput !== undefined;

const wantedMajor = Number(/^v(\d+)/.exec(K6_VERSION)?.[1]);

if (!force) {
  const found = findUsableK6();
  if (found) {
    console.log(`k6 ${found.version} (${found.source}): ${found.path}`);
    process.exit(0);
  }
}
build(explicitOutput ? path.resolve(explicitOutput) : path.join(toolBin, `k6${exe}`));

/** The first k6 with the pinned major version among LOADSCOPE_K6, PATH and the project's tool folder. */
function findUsableK6() {
  const candidates = [];
  if (process.env.LOADSCOPE_K6) candidates.push({ path: process.env.LOADSCOPE_K6, source: 'LOADSCOPE_K6' });
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    candidates.push({ path: path.join(dir, `k6${exe}`), source: 'PATH' });
  }
  candidates.push({ path: path.join(toolBin, `k6${exe}`), source: '.tools/bin' });
  for (const candidate of candidates) {
    if (!isFile(candidate.path)) continue;
    const version = k6Version(candidate.path);
    if (version && majorOf(version) === wantedMajor) return { ...candidate, version };
    if (version) console.log(`Skipping ${candidate.path}: k6 ${version}, Loadscope needs k6 v${wantedMajor}.x.`);
  }
  return undefined;
}

function k6Version(binary) {
  try {
    const out = execFileSync(binary, ['version'], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] });
    // The first word is the binary's own file name, so match the version alone.
    return /(?:^|\s)(v\d+\.\d+\.\d+\S*)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

function majorOf(version) {
  return Number(/^v(\d+)/.exec(version)?.[1]);
}

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function build(output) {
  const go = goVersion();
  if (!go) {
    fail(
      [
        force
          ? `Go is not installed, so k6 ${K6_VERSION} cannot be built.`
          : `No usable k6 v${wantedMajor}.x was found, and Go is not installed to build one.`,
        'Do one of these, then run `npm run setup` again:',
        `  - install Go ${MIN_GO.join('.')} or newer (https://go.dev/dl/), and this script builds k6 ${K6_VERSION} into .tools/bin;`,
        '  - install k6 from your package manager or https://github.com/grafana/k6/releases and put it on PATH;',
        '  - or point LOADSCOPE_K6 at an existing k6 binary.',
      ].join('\n'),
    );
  }
  if (go.major < MIN_GO[0] || (go.major === MIN_GO[0] && go.minor < MIN_GO[1])) {
    console.log(`Go ${go.text} is older than ${MIN_GO.join('.')}; the go command will fetch a newer toolchain if GOTOOLCHAIN allows it.`);
  }

  mkdirSync(buildDir, { recursive: true });
  mkdirSync(path.dirname(output), { recursive: true });
  // `go install module@version` needs the module's version list from the proxy, which is not always reachable;
  // a throwaway module that requires the pinned version only needs that one version.
  const goMod = `module loadscope.local/k6build\n\ngo ${MIN_GO.join('.')}\n\nrequire ${K6_MODULE} ${K6_VERSION}\n`;
  const goModPath = path.join(buildDir, 'go.mod');
  if (!existsSync(goModPath) || readFileSync(goModPath, 'utf8') !== goMod) writeFileSync(goModPath, goMod);

  console.log(`Building k6 ${K6_VERSION} with Go ${go.text} into ${displayPath(output)} (a few minutes the first time)...`);
  const started = Date.now();
  const result = spawnSync('go', ['build', '-trimpath', '-o', output, K6_MODULE], {
    cwd: buildDir,
    stdio: 'inherit',
    env: { ...process.env, GOFLAGS: appendFlag(process.env.GOFLAGS, '-mod=mod'), CGO_ENABLED: '0' },
  });
  if (result.error || result.status !== 0) {
    fail(
      [
        `Building k6 failed (${result.error?.message ?? `go build exited with ${result.status}`}).`,
        'Check the Go output above. Alternatives: install k6 from your package manager or',
        'https://github.com/grafana/k6/releases, then put it on PATH or set LOADSCOPE_K6.',
      ].join('\n'),
    );
  }
  const version = k6Version(output);
  if (!version) fail(`The built binary at ${output} does not answer \`k6 version\`.`);
  console.log(`k6 ${version} built in ${Math.round((Date.now() - started) / 1000)} s: ${output}`);
}

function goVersion() {
  try {
    const out = execFileSync('go', ['version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const match = /go(\d+)\.(\d+)(\S*)/.exec(out);
    if (!match) return undefined;
    return { major: Number(match[1]), minor: Number(match[2]), text: `${match[1]}.${match[2]}${match[3]}` };
  } catch {
    return undefined;
  }
}

function displayPath(p) {
  const relative = path.relative(root, p);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
}

function appendFlag(flags, flag) {
  return flags && flags.trim() ? `${flags} ${flag}` : flag;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
