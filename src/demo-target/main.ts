// `loadscope demo-target`: start the demo target from the command line and keep it up until Ctrl+C.
import { demoTargetUsage, parseDemoTargetArgs } from './cli-args';
import { DEMO_TARGET_DEFAULTS, poolCapacityPerSecond, resolveDemoTargetOptions, type DemoTargetOptions } from './options';
import { startDemoTarget } from './server';

/** Where the command writes, and what stops it besides SIGINT/SIGTERM (tests pass their own). */
export interface DemoTargetCliIo {
  out(line: string): void;
  err(line: string): void;
  stop?: AbortSignal;
}

const processIo: DemoTargetCliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Runs the demo target until SIGINT/SIGTERM; resolves with the process exit code. */
export async function runDemoTargetCli(argv: string[], io: DemoTargetCliIo = processIo): Promise<number> {
  const command = parseDemoTargetArgs(argv);
  if (command.kind === 'help') {
    io.out(demoTargetUsage());
    return 0;
  }
  if (command.kind === 'error') {
    io.err(`loadscope demo-target: ${command.message}`);
    return 2;
  }
  let options: DemoTargetOptions;
  try {
    options = resolveDemoTargetOptions(command.options);
  } catch (error) {
    io.err(`loadscope demo-target: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  let target;
  try {
    target = await startDemoTarget(options);
  } catch (error) {
    io.err(`loadscope demo-target: ${startFailureMessage(error, options)}`);
    return 1;
  }
  for (const line of describe(target.url, options)) io.out(line);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.stop?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (io.stop?.aborted === true) stop();
    else io.stop?.addEventListener('abort', stop);
  });
  await target.close();
  io.out('Demo target stopped.');
  return 0;
}

function startFailureMessage(error: unknown, options: DemoTargetOptions): string {
  if (hasCode(error) && error.code === 'EADDRINUSE') {
    return `port ${options.port} on ${options.host} is already in use. Stop what is using it, or pass --port 0 to pick a free port (then point TARGET_URL at the address printed).`;
  }
  if (hasCode(error) && (error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL')) {
    return `cannot listen on ${options.host}:${options.port} (${error.code}). Try another --port or --host.`;
  }
  return `could not start: ${error instanceof Error ? error.message : String(error)}`;
}

function hasCode(error: unknown): error is { code: unknown } {
  return typeof error === 'object' && error !== null && 'code' in error;
}

function describe(url: string, options: DemoTargetOptions): string[] {
  const capacity = Math.round(poolCapacityPerSecond(options));
  return [
    `Demo target listening on ${url}`,
    `  database pool: ${options.poolSize} connections x ${options.serviceTimeMs} ms (±${options.serviceJitterMs}) = ${capacity} requests/s at most; a request waits up to ${options.queueTimeoutMs} ms for a connection, then 503`,
    `  logins: ${options.loginRatePerSecond}/s over all users, ${options.loginsPerUserPerMinute}/min per username (burst ${options.loginBurstPerUser}), then 429 with Retry-After`,
    `  log in with any username and ${options.password === DEMO_TARGET_DEFAULTS.password ? `password '${options.password}'` : 'the password given with --password'}; pool use at ${url}/api/_stats (JSON) and ${url}/metrics (Prometheus)`,
    `  run a scenario against it with TARGET_URL=${url}`,
    'Press Ctrl+C to stop.',
  ];
}
