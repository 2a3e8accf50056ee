// Where authoring reports what it swallows: a provider must never throw into the editor, but the reason is logged.
import type * as vscode from 'vscode';

/** The part of a LogOutputChannel that authoring uses; the extension passes its one Loadscope channel. */
export type AuthoringLog = Pick<vscode.LogOutputChannel, 'error' | 'warn' | 'info' | 'debug'>;
