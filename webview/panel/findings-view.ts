// The panel's Findings section: what the measurements say, most pressing first, each with its suggestion and its
// evidence folded away. While the run goes it lists the findings so far, replaced whenever they change, and marks
// the ones that just appeared for a few seconds; the result's findings replace them at the end.

import { evidenceText, findingKindLabel, severityLabel } from '../../src/core/findings/finding-text';
import type { Finding } from '../../src/core/results';
import { el } from '../report/dom';
import { findingIdentity, newlyAppeared } from './finding-changes';

/** Where the run is, for the section: nothing to say yet, findings so far, or the result's. */
export type FindingsPhase = 'before' | 'live' | 'final';

/** How long a finding that just appeared stays marked. */
const HIGHLIGHT_MS = 8000;

const EMPTY_TEXT: Readonly<Record<Exclude<FindingsPhase, 'before'>, string>> = {
  live: 'No findings yet: they appear here as the run shows where the system stops coping (or that it copes).',
  final: 'No findings: nothing stood out, or too little was measured to say.',
};

function findingItem(finding: Finding, identity: string, fresh: boolean, evidenceOpen: boolean): HTMLLIElement {
  const evidence = el('details', {}, [el('summary', { className: 'muted' }, ['Evidence']), el('p', { className: 'muted' }, [evidenceText(finding)])]);
  evidence.open = evidenceOpen;
  const heading = el('strong', { className: 'finding-severity' }, [`${severityLabel(finding.severity)}, ${findingKindLabel(finding.kind)}.`]);
  const item = el('li', { className: fresh ? 'finding finding-new' : 'finding', attributes: { 'data-severity': finding.severity, 'data-kind': finding.kind } }, [
    el('p', {}, [...(fresh ? [el('span', { className: 'finding-new-tag' }, ['new'])] : []), heading, ' ', finding.message]),
    el('p', { className: 'muted' }, [`Suggestion: ${finding.suggestion}`]),
    evidence,
  ]);
  item.dataset.identity = identity;
  return item;
}

export class FindingsView {
  private readonly list = el('ul', { className: 'findings-list' });
  private readonly note = el('p', { className: 'muted findings-note' }, ['So far, updated as the run goes; the final findings come with the result.']);
  readonly element = el('section', { className: 'findings', attributes: { 'aria-labelledby': 'findings-heading' } }, [
    el('h2', { attributes: { id: 'findings-heading' } }, ['Findings']),
    this.note,
    this.list,
  ]);
  private shown: readonly Finding[] = [];
  private shownKey: string | undefined;
  /** When each finding still listed first appeared, by identity. */
  private readonly appearedAt = new Map<string, number>();
  private fadeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.element.hidden = true;
  }

  /**
   * Shows `findings` (replacing the list) and returns the ones that were not listed before. The first list shown
   * (a panel drawn from a snapshot) marks nothing: the user may have seen it before the reload.
   */
  update(findings: readonly Finding[], phase: FindingsPhase, now = Date.now()): Finding[] {
    const key = JSON.stringify([phase, findings]);
    if (key === this.shownKey) return [];
    const first = this.shownKey === undefined;
    this.shownKey = key;
    this.element.hidden = phase === 'before';
    this.note.hidden = phase !== 'live';
    const fresh = first ? findings.map(() => false) : newlyAppeared(this.shown, findings);
    const identities = findings.map(findingIdentity);
    identities.forEach((identity, index) => {
      if (fresh[index] === true) this.appearedAt.set(identity, now);
    });
    for (const identity of this.appearedAt.keys()) if (!identities.includes(identity)) this.appearedAt.delete(identity);
    if (phase !== 'before') this.render(findings, identities, now, phase);
    this.shown = findings;
    return findings.filter((_, index) => fresh[index] === true);
  }

  private render(findings: readonly Finding[], identities: readonly string[], now: number, phase: Exclude<FindingsPhase, 'before'>): void {
    // A rebuilt list keeps open what the user opened.
    const open = new Set<string>();
    for (const item of this.items()) if (item.dataset.identity !== undefined && item.querySelector('details')?.open === true) open.add(item.dataset.identity);
    const items = findings.map((finding, index) => {
      const identity = identities[index] ?? '';
      const since = this.appearedAt.get(identity);
      return findingItem(finding, identity, since !== undefined && now - since < HIGHLIGHT_MS, open.has(identity));
    });
    this.list.replaceChildren(...(items.length === 0 ? [el('li', { className: 'muted' }, [EMPTY_TEXT[phase]])] : items));
    this.scheduleFade(now);
  }

  private items(): HTMLLIElement[] {
    return Array.from(this.list.querySelectorAll<HTMLLIElement>('li.finding'));
  }

  /** Unmarks each new finding when its time is up (the style fades it out). */
  private scheduleFade(now: number): void {
    clearTimeout(this.fadeTimer);
    this.fadeTimer = undefined;
    const pending = [...this.appearedAt.values()].map((since) => since + HIGHLIGHT_MS - now).filter((left) => left > 0);
    if (pending.length === 0) return;
    this.fadeTimer = setTimeout(() => this.fade(), Math.min(...pending));
  }

  private fade(): void {
    const now = Date.now();
    for (const item of this.items()) {
      const since = item.dataset.identity === undefined ? undefined : this.appearedAt.get(item.dataset.identity);
      if (since !== undefined && now - since < HIGHLIGHT_MS) continue;
      item.classList.remove('finding-new');
      item.querySelector('.finding-new-tag')?.remove();
    }
    this.scheduleFade(now);
  }
}
