// The hover of a request that has figures from the last run; it adds to the authoring hover, which explains keys.
import * as vscode from 'vscode';
import { COMMANDS } from '../run/command-ids';
import type { EditorResults } from './editor-results';
import { requestHoverMarkdown } from './request-hover';
import { requestAt, targetsOfRequest } from './run-annotations';

/** Shows a request's last-run figures, its targets' verdicts and a link to the report. */
export class RequestResultsHover implements vscode.HoverProvider {
  constructor(private readonly results: EditorResults) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.results.resultsOf(document);
    if (found === undefined) return undefined;
    const request = requestAt(found.annotations, { line: position.line, character: position.character });
    if (request === undefined) return undefined;
    // Open Last Report of this file: the run shown here is always that file's last one.
    const reportLink = `command:${COMMANDS.openLastReport}?${encodeURIComponent(JSON.stringify([document.uri]))}`;
    const markdown = new vscode.MarkdownString(
      requestHoverMarkdown({ stats: request.stats, targets: targetsOfRequest(found.annotations, request.name), startedAt: found.run.result.startedAt, reportLink }),
    );
    markdown.isTrusted = { enabledCommands: [COMMANDS.openLastReport] };
    return new vscode.Hover(markdown);
  }
}
