import { describe, expect, it } from 'vitest';
import { LogThrottle } from '../../../src/core/run/log-throttle';

describe('LogThrottle', () => {
  it('passes a few lines a second and counts the rest', () => {
    let now = 0;
    const out: string[] = [];
    const throttle = new LogThrottle((line) => out.push(line), 2, () => now);
    for (let i = 0; i < 5; i++) throttle.line(`a${i}`, 'stderr');
    now = 1000;
    throttle.line('b0', 'stderr');
    throttle.line('b1', 'stdout');
    throttle.line('b2', 'stderr');
    throttle.flush();
    expect(out).toEqual(['a0', 'a1', '… 3 more k6 log lines not shown', 'b0', 'b1', '… 1 more k6 log line not shown']);
  });
});
