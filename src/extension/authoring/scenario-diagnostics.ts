// Diagnostics while typing: each scenario document is validated by the core a short pause after its last change,
// the results replace the document's previous ones, and they go away when the document closes. A failure while
// validating is logged and leaves the previous diagnostics in place rather than clearing them.
import * as vscode from 'vscode';
import { loadScenario } from '../../core/scenario/load';
import type { AuthoringLog } from './authoring-log';
import { DIAGNOSTIC_SOURCE, toEditorDiagnostics, type EditorDiagnostic } from './diagnostic-mapping';
import { KeyedDebouncer } from './keyed-debouncer';
import { scenarioDocumentContext } from './scenario-documents';
import { isValidatedScheme, SCENARIO_LANGUAGE_ID } from './scenario-language';
import { toVscodeRange } from './vscode-range';

/** What the diagnostics of one document version were made from, for the quick-fix provider. */
export interface PublishedDiagnostics {
  version: number;
  diagnostics: readonly EditorDiagnostic[];
}

export interface ScenarioDiagnosticsOptions {
  log: AuthoringLog;
  /** Quiet time after the last change before validating. */
  debounceMs: number;
  /** The environment a run would see, for `${env:NAME}` checks. */
  env: () => Readonly<Record<string, string | undefined>>;
}

function toVscodeDiagnostic(diagnostic: EditorDiagnostic): vscode.Diagnostic {
  const shown = new vscode.Diagnostic(toVscodeRange(diagnostic.range), diagnostic.message, vscode.DiagnosticSeverity[diagnostic.severity]);
  shown.source = DIAGNOSTIC_SOURCE;
  shown.code = diagnostic.code;
  return shown;
}

/** Validates scenario documents as they change and publishes the result in one diagnostic collection. */
export class ScenarioDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly debouncer: KeyedDebouncer<string>;
  private readonly published = new Map<string, PublishedDiagnostics>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: ScenarioDiagnosticsOptions) {
    this.debouncer = new KeyedDebouncer<string>(options.debounceMs);
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.documentChanged(document, { now: true })),
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document, { now: false })),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // A saved data file may fix (or break) the scenarios that read it.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.languageId !== SCENARIO_LANGUAGE_ID) this.revalidateAll();
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.documentChanged(document, { now: true });
  }

  /**
   * The diagnostics of the document's current version. When the last validation is older (the user asked for a
   * quick fix within the pause after typing), the document is validated now instead of waiting for the timer.
   */
  upToDate(document: vscode.TextDocument): readonly EditorDiagnostic[] | undefined {
    const key = document.uri.toString();
    if (this.published.get(key)?.version !== document.version && document.languageId === SCENARIO_LANGUAGE_ID && isValidatedScheme(document.uri.scheme)) {
      this.debouncer.cancel(key);
      this.validate(document);
    }
    const published = this.published.get(key);
    return published?.version === document.version ? published.diagnostics : undefined;
  }

  /** Validates every open scenario document (after the usual pause). */
  revalidateAll(): void {
    for (const document of vscode.workspace.textDocuments) this.documentChanged(document, { now: false });
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
    this.published.clear();
  }

  private documentChanged(document: vscode.TextDocument, when: { now: boolean }): void {
    const key = document.uri.toString();
    if (document.languageId !== SCENARIO_LANGUAGE_ID || !isValidatedScheme(document.uri.scheme)) {
      // Its language changed away from ours (the user chose YAML): whatever we said about it no longer applies.
      if (this.published.has(key) || this.debouncer.isPending(key)) this.forget(document.uri);
      return;
    }
    if (when.now) this.validate(document);
    else this.debouncer.schedule(key, () => this.validate(document));
  }

  private validate(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    try {
      const { file, host } = scenarioDocumentContext(document);
      const result = loadScenario(document.getText(), file, { host, env: this.options.env() });
      const diagnostics = toEditorDiagnostics(result.diagnostics, (error, diagnostic) =>
        this.options.log.error(`Could not show the diagnostic ${diagnostic.code} at ${diagnostic.line}:${diagnostic.column}: ${describe(error)}`),
      );
      this.published.set(document.uri.toString(), { version: document.version, diagnostics });
      this.collection.set(document.uri, diagnostics.map(toVscodeDiagnostic));
    } catch (error) {
      this.options.log.error(`Validating ${document.uri.toString()} failed; its previous diagnostics stay: ${describe(error)}`);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.cancel(key);
    this.published.delete(key);
    this.collection.delete(uri);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
