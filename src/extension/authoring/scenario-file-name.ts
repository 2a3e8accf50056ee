// The name "Loadscope: New Scenario" asks for: relative to the chosen folder, never outside it, and ending in
// `.scenario.yaml` (or `.yml`) so the editor opens it as a scenario.
import { isScenarioFileName } from './scenario-language';

/** The name offered first. */
export const DEFAULT_SCENARIO_FILE_NAME = 'new.scenario.yaml';

/** A usable relative path (with `/` separators), or why the input is not one. */
export type FileNameCheck = { ok: true; relativePath: string } | { ok: false; message: string };

/** Checks what the user typed; a name without an extension gets `.scenario.yaml`. */
export function checkScenarioFileName(input: string): FileNameCheck {
  const trimmed = input.trim().replace(/\\/g, '/');
  if (trimmed === '') return { ok: false, message: 'Give the file a name, such as checkout.scenario.yaml.' };
  if (trimmed.startsWith('/') || /^[A-Za-z]:/.test(trimmed)) return { ok: false, message: 'Give a name relative to the folder, not an absolute path.' };
  const parts = trimmed.split('/');
  if (parts.some((part) => part === '..')) return { ok: false, message: 'The file must stay inside the folder: remove "..".' };
  if (parts.some((part) => part === '' || part === '.')) return { ok: false, message: 'The name has an empty folder part ("//" or a trailing "/").' };
  const last = parts[parts.length - 1] ?? '';
  if (/[<>:"|?*\u0000-\u001f]/.test(trimmed)) return { ok: false, message: 'File names cannot hold < > : " | ? * or control characters.' };
  const named = /\.[^.]+$/.test(last) ? trimmed : `${trimmed}.scenario.yaml`;
  if (!isScenarioFileName(named)) return { ok: false, message: 'End the name with .scenario.yaml (or .scenario.yml) so it opens as a scenario.' };
  return { ok: true, relativePath: named };
}

/** `new.scenario.yaml`, then `new-2.scenario.yaml`, `new-3.scenario.yaml`…: the `n`-th candidate name. */
export function numberedScenarioFileName(base: string, n: number): string {
  if (n <= 1) return base;
  const match = /^(.*?)(\.scenario\.ya?ml)$/i.exec(base);
  return match ? `${match[1]}-${n}${match[2]}` : `${base}-${n}`;
}
