// Starts code-server (VS Code in the browser, with a real Node extension host) for one test file, and ends it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findEditorTools, type EditorTools } from './editor-tools';
import { editorOutputDir } from './paths';
import { quietUserSettings } from './quiet-settings';
import { waitFor } from './wait-for';

/** How to start a code-server. */
export interface CodeServerOptions {
  /** Short name for the server's temp folder under test-output/editor/. */
  label: string;
  /** Leave Workspace Trust on, to test what an untrusted workspace may do. Off by default: every folder is trusted. */
  workspaceTrust?: boolean;
  /**
   * Let the page load an extension under development and its tests through the `payload` URL parameter (VS Code's
   * smoke-test driver). That driver also stops notification toasts, so browser tests that look at toasts leave it off.
   */
  extensionTestDriver?: boolean;
  /** .vsix files installed into this server's own extensions folder before it starts. */
  vsixFiles?: readonly string[];
  /** User settings on top of the quiet defaults. */
  settings?: Readonly<Record<string, unknown>>;
  /**
   * Machine settings, such as `loadscope.k6Path`: a remote window (code-server is one) reads machine-scoped settings
   * from the remote machine's settings, not the browser user's.
   */
  machineSettings?: Readonly<Record<string, unknown>>;
  /** Extra environment for the server, which its extension host inherits. */
  env?: Readonly<Record<string, string>>;
}

/** A running code-server. */
export interface CodeServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  /** `127.0.0.1:PORT`, the remote authority of `vscode-remote://` URIs. */
  authority: string;
  /** This server's temp folder: profile, extensions, Chromium profile, results files. */
  dataDir: string;
  /** Milliseconds from spawn to a healthy /healthz. */
  startupMs: number;
  /** The workbench URL that opens `folder`, with VS Code's `payload` parameter when given. */
  workbenchUrl(folder: string, payload?: ReadonlyArray<readonly [string, string]>): string;
  /** A `vscode-remote://` URI for a file on the server, as the extension-development payload needs. */
  remoteUri(absolutePath: string): string;
  /** The last lines the server printed, for error messages. */
  logTail(lines?: number): string;
  /** Ends the server's whole process group and removes its temp folder (kept when LOADSCOPE_KEEP_EDITOR_DATA is set). */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const LISTENING_LINE = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/;
// Unix socket paths (code-server puts some in TMPDIR) must stay under 108 bytes; leave room for VS Code's names.
const MAX_TMPDIR_LENGTH = 50;

function installVsix(tools: EditorTools, vsix: string, dirs: { userData: string; extensions: string }, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(
    tools.node,
    [tools.codeServerEntry, '--install-extension', vsix, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData],
    { encoding: 'utf8', env, timeout: 60_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Starts code-server on 127.0.0.1 with a free port and its own profile, and resolves once /healthz answers. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const tools = findEditorTools();
  mkdirSync(editorOutputDir, { recursive: true });
  const safeLabel = options.label.replace(/[^a-z0-9-]+/gi, '-').slice(0, 16);
  const dataDir = mkdtempSync(path.join(editorOutputDir, `${safeLabel}-`));
  const dirs = {
    userData: path.join(dataDir, 'user'),
    extensions: path.join(dataDir, 'ext'),
    xdg: path.join(dataDir, 'xdg'),
    tmp: path.join(dataDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...quietUserSettings, ...options.settings }, null, 2));
  if (options.machineSettings !== undefined) {
    mkdirSync(path.join(dirs.userData, 'Machine'), { recursive: true });
    writeFileSync(path.join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify(options.machineSettings, null, 2));
  }
  // Our own config file, so code-server does not write a default one (with a generated password) into the home folder.
  const configFile = path.join(dataDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    // An empty gallery: no marketplace look-ups, which would only time out here.
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
  };
  if (dirs.tmp.length <= MAX_TMPDIR_LENGTH) env.TMPDIR = dirs.tmp;
  // Not inherited from a vitest worker: they would change how VS Code's own Node processes behave.
  delete env.NODE_OPTIONS;
  delete env.VITEST;

  for (const vsix of options.vsixFiles ?? []) installVsix(tools, vsix, dirs, env);

  const args = [
    tools.codeServerEntry,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', configFile,
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(options.extensionTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const started = Date.now();
  // Its own process group, so stop() ends the extension host, pty host and file watcher with it.
  const child = spawn(tools.node, args, { cwd: dataDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const log: string[] = [];
  let exitDescription: string | undefined;
  const collect = (chunk: Buffer) => log.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitDescription = `code-server exited (${code ?? signal})`;
      resolve();
    });
  });
  const logTail = (lines = 30) => log.slice(-lines).join('\n');

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    signalGroup(child, 'SIGTERM');
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
    clearTimeout(timer);
    // Whatever outlived the server (an extension host mid-shutdown) goes too.
    signalGroup(child, 'SIGKILL');
    await exited;
    process.removeListener('exit', killOnExit);
    if (!process.env.LOADSCOPE_KEEP_EDITOR_DATA) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const url = await waitFor(
      () => {
        if (exitDescription) throw new Error(exitDescription);
        for (const line of log) {
          const match = LISTENING_LINE.exec(line);
          if (match?.[1]) return match[1];
        }
        return undefined;
      },
      { timeoutMs: STARTUP_TIMEOUT_MS, description: 'code-server to listen', diagnostics: () => logTail() },
    );
    await waitFor(async () => ((await fetch(`${url}/healthz`)).ok ? true : undefined), {
      timeoutMs: STARTUP_TIMEOUT_MS,
      description: `${url}/healthz`,
      diagnostics: () => logTail(),
    });
    const authority = new URL(url).host;
    return {
      url,
      authority,
      dataDir,
      startupMs: Date.now() - started,
      workbenchUrl(folder, payload) {
        const query = new URLSearchParams({ folder });
        if (payload) query.set('payload', JSON.stringify(payload));
        return `${url}/?${query.toString()}`;
      },
      remoteUri: (absolutePath) => `vscode-remote://${authority}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`,
      logTail,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
