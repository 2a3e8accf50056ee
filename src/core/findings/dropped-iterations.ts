// Dropped iterations: an open model that could not start iterations on time because every user it may use was
// busy, so the system received less than the planned arrival rate.

import { formatCount, formatPercent } from '../report/format';
import type { Finding } from './finding';
import { ratio, rounded } from './numbers';
import { clock, describeLoad, momentAt, type RunView } from './run-view';
import { ERROR_RULE, sustainedOnset } from './sustained';

/** The dropped-iterations finding, when k6 dropped any. */
export function droppedIterationsFinding(view: RunView): Finding | undefined {
  const perSecond = view.timeline.map((point) => point.droppedIterations);
  const counted = perSecond.reduce((sum, count) => sum + count, 0);
  const dropped = Math.max(view.input.totals.droppedIterations, counted);
  if (dropped <= 0) return undefined;
  const flags = perSecond.map((count) => count > 0);
  const first = flags.indexOf(true);
  const last = flags.lastIndexOf(true);
  const onset = sustainedOnset(flags, ERROR_RULE) ?? (first >= 0 ? first : undefined);
  const maxUsers = view.input.loads.reduce((sum, load) => sum + (load.kind === 'open' ? load.maxUsers : 0), 0);
  const iterations = view.input.totals.iterations;
  const share = dropped / (iterations + dropped);
  const from = onset === undefined ? undefined : view.timeline[onset];
  const to = last >= 0 ? view.timeline[last] : undefined;
  const load = onset === undefined ? undefined : view.load[onset];
  const when = from === undefined ? '' : ` between ${clock(from.t)} and ${clock(to?.t ?? from.t)}`;
  const at = load === undefined ? '' : `, from ${describeLoad(view.loadUnit, load)}`;
  const users = maxUsers > 0 ? `all ${formatCount(maxUsers)} users k6 may use were busy` : 'every user k6 may use was busy';
  const message =
    `${formatCount(dropped)} iterations (${formatPercent(share)}) were dropped${when}${at}: ${users}, ` +
    'so the planned arrival rate was not kept and the target received less load than asked.';
  return {
    kind: 'dropped-iterations',
    severity: share >= 0.05 ? 'critical' : 'warning',
    message,
    ...(onset === undefined ? { atSeconds: null, atUsers: null, atRps: null } : momentAt(view, onset)),
    evidence: {
      fromSeconds: from?.t ?? 0,
      toSeconds: to?.t ?? from?.t ?? 0,
      droppedIterations: dropped,
      shareOfIterations: ratio(share),
      maxUsers,
      load: load === undefined ? null : rounded(load),
      loadUnit: view.loadUnit,
    },
    suggestion:
      'Either responses got so slow that each iteration held a user for long (then this is the finding: the system could not keep up with that rate), ' +
      'or maxUsers is too low for the rate (users needed: about the arrival rate times the iteration time); raise maxUsers and rerun to tell which.',
  };
}
