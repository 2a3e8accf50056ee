// One line that says what a load model does, for reports and the CLI: "100 users, ramp 10/s, hold to 5m".
import { formatDuration } from './duration';
import type { LoadModel } from './model';
import { formatRate } from './rate';

/** The load model in a few words: "100 users, ramp 10/s, hold to 5m" or "200/s arrivals for 2m, up to 500 users". */
export function formatLoadDescription(load: LoadModel): string {
  if (load.kind === 'closed') {
    const levels = load.stages.map((stage) => ({ seconds: stage.durationSeconds, level: stage.users }));
    const shape = plateau(load.startUsers, levels);
    if (!shape) return `stages ${levels.map((stage) => `${plural(stage.level, 'user')} over ${formatDuration(stage.seconds)}`).join(' → ')}`;
    const users = plural(shape.level, 'user');
    const body = shape.ramp === 0 ? `${users} for ${formatDuration(shape.total)}` : `${users}, ramp ${formatRate(shape.level / shape.ramp)}, hold to ${formatDuration(shape.total)}`;
    return body + rampDownText(shape.rampDown);
  }
  const cap = `up to ${plural(load.maxUsers, 'user')}`;
  const levels = load.stages.map((stage) => ({ seconds: stage.durationSeconds, level: stage.ratePerSecond }));
  const shape = plateau(load.startRate, levels);
  if (!shape) return `stages ${levels.map((stage) => `${formatRate(stage.level)} over ${formatDuration(stage.seconds)}`).join(' → ')}, ${cap}`;
  const ramp = shape.ramp === 0 ? '' : ` (ramp ${formatDuration(shape.ramp)})`;
  return `${formatRate(shape.level)} arrivals${ramp} for ${formatDuration(shape.total)}${rampDownText(shape.rampDown)}, ${cap}`;
}

interface Plateau {
  level: number;
  /** Seconds from zero to `level`; 0 when the test starts at full level. */
  ramp: number;
  /** Seconds from the start to the end of the plateau, ramp included. */
  total: number;
  rampDown?: number;
}

/** Recognises the shapes `load:` produces (optional linear ramp, a hold, optional ramp-down to zero). */
function plateau(start: number, stages: readonly { seconds: number; level: number }[]): Plateau | undefined {
  const body = [...stages];
  const last = body[body.length - 1];
  const rampDown = body.length > 1 && last?.level === 0 ? last.seconds : undefined;
  if (rampDown !== undefined) body.pop();
  const [first, second, ...rest] = body;
  if (!first || rest.length > 0 || first.level === 0 || (second && second.level !== first.level)) return undefined;
  const total = first.seconds + (second?.seconds ?? 0);
  if (start === first.level) return { level: first.level, ramp: 0, total, ...(rampDown === undefined ? {} : { rampDown }) };
  if (start !== 0) return undefined;
  return { level: first.level, ramp: first.seconds, total, ...(rampDown === undefined ? {} : { rampDown }) };
}

function rampDownText(seconds: number | undefined): string {
  return seconds === undefined ? '' : `, ramp down ${formatDuration(seconds)}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
