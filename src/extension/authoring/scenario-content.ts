// Recognises a YAML file that is plainly a scenario whatever its name: a top-level `scenario:` key together with
// `requests:`, `groups:` or `load:`. Looking only at unindented keys keeps other YAML (CI files, Kubernetes
// manifests, Compose files) from ever being taken for a scenario, and keeps the check cheap on large files.

/** Scenario files are small; the keys that decide are at the top, so a long file is only read this far. */
const LOOKED_AT_CHARACTERS = 64 * 1024;

const TOP_LEVEL_KEY = /^(?:([A-Za-z_][\w-]*)|"([^"\n]*)"|'([^'\n]*)')[ \t]*:(?:[ \t]|$)/;
const WORKLOAD_KEYS: ReadonlySet<string> = new Set(['requests', 'groups', 'load']);

/** The unindented mapping keys of a YAML text, in order (first document parts only: see LOOKED_AT_CHARACTERS). */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text.slice(0, LOOKED_AT_CHARACTERS).split(/\r?\n/)) {
    const match = TOP_LEVEL_KEY.exec(line);
    const key = match?.[1] ?? match?.[2] ?? match?.[3];
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

/** True when the text has a top-level `scenario:` and at least one of `requests:`, `groups:`, `load:`. */
export function looksLikeScenario(text: string): boolean {
  const keys = topLevelKeys(text);
  return keys.includes('scenario') && keys.some((key) => WORKLOAD_KEYS.has(key));
}
