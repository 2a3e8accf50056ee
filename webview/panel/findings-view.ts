// The panel's Findings section: what the finished run's measurements say, most pressing first, each with its
// suggestion and its evidence folded away. Hidden until the run has a result.

import { evidenceText, findingKindLabel, severityLabel } from '../../src/core/findings/finding-text';
import type { Finding, RunResult } from '../../src/core/results';
import { el } from '../report/dom';

function findingItem(finding: Finding): HTMLElement {
  return el('li', { className: 'finding', attributes: { 'data-severity': finding.severity } }, [
    el('p', {}, [el('strong', { className: 'finding-severity' }, [`${severityLabel(finding.severity)}, ${findingKindLabel(finding.kind)}.`]), ' ', finding.message]),
    el('p', { className: 'muted' }, [`Suggestion: ${finding.suggestion}`]),
    el('details', {}, [el('summary', { className: 'muted' }, ['Evidence']), el('p', { className: 'muted' }, [evidenceText(finding)])]),
  ]);
}

export class FindingsView {
  private readonly list = el('ul', { className: 'findings-list' });
  readonly element = el('section', { className: 'findings', attributes: { 'aria-labelledby': 'findings-heading' } }, [
    el('h2', { attributes: { id: 'findings-heading' } }, ['Findings']),
    this.list,
  ]);

  constructor() {
    this.element.hidden = true;
  }

  /** Shows the result's findings; hides the section while there is no result. */
  update(result: RunResult | null): void {
    this.element.hidden = result === null;
    if (result === null) return;
    this.list.replaceChildren(
      ...(result.findings.length === 0 ? [el('li', { className: 'muted' }, ['No findings: nothing stood out, or too little was measured to say.'])] : result.findings.map(findingItem)),
    );
  }
}
