// The last run of each scenario file, shown at the end of the lines of its open editors. A newer run of the same
// file replaces the older one; an edit matches the run again against the new text after a pause in typing (see
// run-annotations.ts), so figures follow their request and go when it goes. While the text does not load (a
// syntax error mid-edit) nothing can be matched with certainty, so nothing is shown until it loads again.
import * as vscode from 'vscode';
import type { ReportFiles } from '../../core/report/report-files';
import type { RunResult } from '../../core/results';
import { loadScenario } from '../../core/scenario/load';
import type { AuthoringLog } from '../authoring/authoring-log';
import { KeyedDebouncer } from '../authoring/keyed-debouncer';
import { scenarioDocumentContext } from '../authoring/scenario-documents';
import type { FinishedRun } from '../run/run-controller';
import { annotateRun, lineAnnotations, type AnnotationTone, type LineAnnotation, type RunAnnotations } from './run-annotations';

/** The figures of the last run of a scenario file. */
export interface LastRun {
  result: RunResult;
  files: ReportFiles;
}

export interface EditorResultsOptions {
  log: AuthoringLog;
  /** The environment a run would see, so `${env:NAME}` parts load as they did for the run. */
  env: () => Readonly<Record<string, string | undefined>>;
  /** Quiet time after typing before the figures are matched to the new text. */
  debounceMs: number;
}

const NOTHING_MATCHED: RunAnnotations = { requests: [], targets: [] };
const TONES: readonly AnnotationTone[] = ['figures', 'passed', 'failed'];

function decorationType(color: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor(color), margin: '0 0 0 3ch', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/** Keeps each scenario file's last run and paints it into the editors showing that file. */
export class EditorResults implements vscode.Disposable {
  private readonly lastRuns = new Map<string, LastRun>();
  private readonly matched = new Map<string, RunAnnotations>();
  private readonly painted = new Map<string, readonly LineAnnotation[]>();
  private readonly debouncer: KeyedDebouncer<string>;
  // Figures stay in the colour of CodeLenses, so the YAML still reads first; verdicts use the Testing colours.
  private readonly decorations: Record<AnnotationTone, vscode.TextEditorDecorationType> = {
    figures: decorationType('editorCodeLens.foreground'),
    passed: decorationType('testing.iconPassed'),
    failed: decorationType('testing.iconFailed'),
  };
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: EditorResultsOptions) {
    this.debouncer = new KeyedDebouncer<string>(options.debounceMs);
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || this.lastRunOf(event.document) === undefined) return;
        this.debouncer.schedule(event.document.uri.toString(), () => this.match(event.document));
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.paintOrMatch(editor))),
    );
  }

  /** Shows a finished run in the editors of its scenario, replacing that file's previous run. */
  show(run: FinishedRun): void {
    this.lastRuns.set(run.request.file, { result: run.result, files: run.files });
    for (const document of vscode.workspace.textDocuments) {
      if (this.lastRunOf(document) === undefined) continue;
      this.debouncer.cancel(document.uri.toString());
      this.match(document);
    }
  }

  /** The last run of the document's file and what of it matches the text, once matched. */
  resultsOf(document: vscode.TextDocument): { run: LastRun; annotations: RunAnnotations } | undefined {
    const run = this.lastRunOf(document);
    const annotations = this.matched.get(document.uri.toString());
    return run === undefined || annotations === undefined ? undefined : { run, annotations };
  }

  /** What the editors of a document show at the ends of its lines now (VS Code cannot read decorations back). */
  shownIn(uri: vscode.Uri): readonly LineAnnotation[] {
    return this.painted.get(uri.toString()) ?? [];
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const tone of TONES) this.decorations[tone].dispose();
    this.lastRuns.clear();
    this.matched.clear();
    this.painted.clear();
  }

  private lastRunOf(document: vscode.TextDocument): LastRun | undefined {
    return document.uri.scheme === 'file' ? this.lastRuns.get(document.uri.fsPath) : undefined;
  }

  private match(document: vscode.TextDocument): void {
    const run = this.lastRunOf(document);
    if (run === undefined || document.isClosed) return;
    try {
      const { file, host } = scenarioDocumentContext(document);
      const { scenario } = loadScenario(document.getText(), file, { env: this.options.env(), host });
      this.matched.set(document.uri.toString(), scenario === undefined ? NOTHING_MATCHED : annotateRun(scenario, run.result));
    } catch (error) {
      this.options.log.error(`Could not match the last run to ${document.uri.toString()}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.matched.set(document.uri.toString(), NOTHING_MATCHED);
    }
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.paint(editor);
  }

  private paintOrMatch(editor: vscode.TextEditor): void {
    if (this.lastRunOf(editor.document) === undefined) return;
    if (this.matched.has(editor.document.uri.toString())) this.paint(editor);
    else this.match(editor.document);
  }

  private paint(editor: vscode.TextEditor): void {
    const { document } = editor;
    const annotations = this.matched.get(document.uri.toString()) ?? NOTHING_MATCHED;
    const lines = lineAnnotations(annotations).filter((annotation) => annotation.line < document.lineCount);
    for (const tone of TONES) {
      editor.setDecorations(
        this.decorations[tone],
        lines.filter((annotation) => annotation.tone === tone).map((annotation) => afterLine(document, annotation)),
      );
    }
    this.painted.set(document.uri.toString(), lines);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.debouncer.cancel(key);
    this.matched.delete(key);
    this.painted.delete(key);
  }
}

function afterLine(document: vscode.TextDocument, annotation: LineAnnotation): vscode.DecorationOptions {
  const end = document.lineAt(annotation.line).range.end;
  return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: annotation.text } } };
}
