// Command-line flags of `loadscope demo-target`, parsed without side effects.
import type { DemoTargetOptions } from './options';

export type DemoTargetCommand = { kind: 'run'; options: Partial<DemoTargetOptions> } | { kind: 'help' } | { kind: 'error'; message: string };

type KeyOfType<T> = { [K in keyof DemoTargetOptions]: DemoTargetOptions[K] extends T ? K : never }[keyof DemoTargetOptions];

type Flag =
  | { name: string; option: KeyOfType<number>; value: 'integer' | 'number'; help: string }
  | { name: string; option: KeyOfType<string>; value: 'text'; help: string };

const flags: readonly Flag[] = [
  { name: '--port', option: 'port', value: 'integer', help: 'TCP port (0 picks a free one)' },
  { name: '--host', option: 'host', value: 'text', help: 'address to bind' },
  { name: '--pool', option: 'poolSize', value: 'integer', help: 'database connections' },
  { name: '--service-time', option: 'serviceTimeMs', value: 'number', help: 'ms a data request holds its connection' },
  { name: '--jitter', option: 'serviceJitterMs', value: 'number', help: 'ms the service time varies either way' },
  { name: '--queue-timeout', option: 'queueTimeoutMs', value: 'number', help: 'ms a request waits for a connection before 503' },
  { name: '--login-rate', option: 'loginRatePerSecond', value: 'number', help: 'logins per second over all users' },
  { name: '--login-burst', option: 'loginBurst', value: 'integer', help: 'logins at once over all users' },
  { name: '--user-logins', option: 'loginsPerUserPerMinute', value: 'number', help: 'logins per minute for one username' },
  { name: '--user-login-burst', option: 'loginBurstPerUser', value: 'integer', help: 'logins at once for one username' },
  { name: '--password', option: 'password', value: 'text', help: 'password every user logs in with' },
  { name: '--pending-changes', option: 'pendingChanges', value: 'integer', help: 'CAB changes kept pending' },
];

/** Parses `--flag value` and `--flag=value` pairs into demo target options. */
export function parseDemoTargetArgs(argv: readonly string[]): DemoTargetCommand {
  const options: Partial<DemoTargetOptions> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    const flag = flags.find((f) => f.name === name);
    if (flag === undefined) return { kind: 'error', message: `unknown option ${name}; see --help` };
    const text = equals > 0 ? arg.slice(equals + 1) : argv[++i];
    if (text === undefined || (equals < 0 && text.startsWith('--'))) return { kind: 'error', message: `${flag.name} needs a value` };
    if (flag.value === 'text') {
      options[flag.option] = text;
      continue;
    }
    const value = Number(text);
    const valid = text.trim() !== '' && Number.isFinite(value) && value >= 0 && (flag.value === 'number' || Number.isInteger(value));
    if (!valid) return { kind: 'error', message: `${flag.name} needs ${flag.value === 'integer' ? 'a whole number' : 'a number'} >= 0, got '${text}'` };
    options[flag.option] = value;
  }
  return { kind: 'run', options };
}

/** The usage text, one line per flag. */
export function demoTargetUsage(): string {
  const width = Math.max(...flags.map((f) => f.name.length)) + 2;
  return [
    'Usage: loadscope demo-target [options]',
    '',
    'Starts a local stand-in for a deployment platform (login throttle, bounded database pool) to aim scenarios at.',
    '',
    ...flags.map((f) => `  ${f.name.padEnd(width)}${f.help}`),
    `  ${'--help'.padEnd(width)}show this text`,
  ].join('\n');
}
