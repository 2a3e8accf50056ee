import { describe, expect, it } from 'vitest';
import { createRunControl } from '../../../src/core/run/run-control';

describe('createRunControl', () => {
  it('escalates from a graceful stop to a kill', () => {
    const control = createRunControl();
    expect(control.signal.aborted).toBe(false);
    expect(control.stop()).toBe('graceful');
    expect(control.signal.aborted).toBe(true);
    expect(control.killSignal.aborted).toBe(false);
    expect(control.stop()).toBe('hard');
    expect(control.killSignal.aborted).toBe(true);
  });
});
