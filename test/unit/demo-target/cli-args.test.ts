import { describe, expect, it } from 'vitest';
import { demoTargetUsage, parseDemoTargetArgs } from '../../../src/demo-target/cli-args';

describe('parseDemoTargetArgs', () => {
  it('reads every flag in both spellings', () => {
    expect(parseDemoTargetArgs(['--port', '0', '--pool=5', '--service-time', '12.5', '--queue-timeout=500', '--host', '127.0.0.1', '--password', 's3cret'])).toEqual({
      kind: 'run',
      options: { port: 0, poolSize: 5, serviceTimeMs: 12.5, queueTimeoutMs: 500, host: '127.0.0.1', password: 's3cret' },
    });
    expect(parseDemoTargetArgs([])).toEqual({ kind: 'run', options: {} });
  });

  it('asks for help', () => {
    expect(parseDemoTargetArgs(['--pool', '3', '--help'])).toEqual({ kind: 'help' });
    expect(demoTargetUsage()).toContain('--service-time');
  });

  it.each([
    [['--pools', '3'], /unknown option --pools/],
    [['--pool'], /--pool needs a value/],
    [['--pool', '--port', '1'], /--pool needs a value/],
    [['--pool', '2.5'], /whole number/],
    [['--service-time', 'fast'], /a number >= 0, got 'fast'/],
    [['--port', '-1'], /whole number/],
  ])('refuses %j', (argv, message) => {
    const command = parseDemoTargetArgs(argv);
    expect(command.kind).toBe('error');
    expect(command.kind === 'error' ? command.message : '').toMatch(message);
  });
});
