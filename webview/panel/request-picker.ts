// Checkboxes that pick which request names the latency-by-request chart draws.

import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { el } from '../report/dom';

export class RequestPicker {
  readonly element: HTMLElement;
  private readonly boxes = el('div', { className: 'picker-boxes' });
  private names: readonly string[] = [];
  private readonly checkboxes = new Map<string, VscodeCheckbox>();

  constructor(private readonly onChange: (selected: string[]) => void) {
    this.element = el('fieldset', { className: 'request-picker' }, [el('legend', { className: 'muted' }, ['Requests to chart']), this.boxes]);
  }

  /** Shows one box per name, ticked for the selected ones; rebuilt only when the names change. */
  update(names: readonly string[], selected: readonly string[]): void {
    if (names.join('\n') !== this.names.join('\n')) {
      this.names = [...names];
      this.checkboxes.clear();
      this.boxes.replaceChildren(
        ...names.map((name) => {
          const box = document.createElement('vscode-checkbox');
          box.label = name;
          box.addEventListener('change', () => this.onChange(this.names.filter((known) => this.checkboxes.get(known)?.checked === true)));
          this.checkboxes.set(name, box);
          return box;
        }),
      );
    }
    for (const [name, box] of this.checkboxes) {
      const checked = selected.includes(name);
      if (box.checked !== checked) box.checked = checked;
    }
    this.element.hidden = names.length === 0;
  }
}
