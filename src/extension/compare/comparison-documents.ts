// Read-only documents holding rendered comparisons: nothing to save when they are closed, and the Markdown preview
// shows them like any other Markdown file.

import * as vscode from 'vscode';

export const COMPARISON_SCHEME = 'loadscope-comparison';

export class ComparisonDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(COMPARISON_SCHEME, this);
  private count = 0;
  readonly onDidChange = this.changeEmitter.event;

  /** A new document with the Markdown text, named `title`. */
  add(title: string, markdown: string): vscode.Uri {
    this.count += 1;
    const uri = vscode.Uri.from({ scheme: COMPARISON_SCHEME, path: `/${this.count}/${title.replace(/[/\\]/g, '-')}.md` });
    this.contents.set(uri.toString(), markdown);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.changeEmitter.dispose();
    this.contents.clear();
  }
}
