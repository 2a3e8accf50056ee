// Secrets kept in VS Code's secret storage (the OS keychain where there is one), handed to runs as environment
// variables. The storage cannot list its keys, so the names are kept beside it in global state; values never leave
// the storage except into a run's environment (and the in-memory copy that lets authoring check `${env:NAME}`),
// and the run redacts them from everything it shows or writes.

import * as vscode from 'vscode';
import { decodeSecretNames, withSecretName } from './secret-names';

const NAMES_KEY = 'loadscope.secretNames';
const VALUE_KEY_PREFIX = 'loadscope.secret.';

export class SecretEnvironment implements vscode.Disposable {
  private known: Readonly<Record<string, string>> = {};
  private readonly watcher: vscode.Disposable;

  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    // Another window of the same profile may change them.
    this.watcher = storage.onDidChange((event) => {
      if (event.key.startsWith(VALUE_KEY_PREFIX)) void this.values();
    });
    void this.values();
  }

  /** Names of the stored secrets. */
  get names(): string[] {
    return decodeSecretNames(this.state.get<unknown>(NAMES_KEY));
  }

  /** Stores a secret; an empty value removes it. */
  async set(name: string, value: string): Promise<void> {
    if (value === '') {
      await this.storage.delete(VALUE_KEY_PREFIX + name);
      await this.state.update(NAMES_KEY, this.names.filter((known) => known !== name));
    } else {
      await this.storage.store(VALUE_KEY_PREFIX + name, value);
      await this.state.update(NAMES_KEY, withSecretName(this.names, name));
    }
    await this.values();
  }

  /** Every stored secret by name, read from the storage (names whose value has gone are skipped). */
  async values(): Promise<Record<string, string>> {
    const entries = await Promise.all(this.names.map(async (name) => [name, await this.storage.get(VALUE_KEY_PREFIX + name)] as const));
    const values = Object.fromEntries(entries.filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
    this.known = values;
    return values;
  }

  /** The secrets as last read, for synchronous checks while typing. */
  get lastKnown(): Readonly<Record<string, string>> {
    return this.known;
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
