// Names of secrets kept in the editor's secret storage: each becomes an environment variable of the run, read in a
// scenario as `${env:NAME}`, so a name must be one the scenario language can write.

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The problem with a secret's name, or undefined when it can be used as `${env:NAME}`. */
export function secretNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the name the scenario reads, e.g. LOAD_PASSWORD for ${env:LOAD_PASSWORD}.';
  if (!ENV_NAME.test(trimmed)) return `'${trimmed}' cannot be an environment variable: use letters, digits and _, not starting with a digit.`;
  return undefined;
}

/** The secret names with `name` added (once), sorted for stable display. */
export function withSecretName(names: readonly string[], name: string): string[] {
  return [...new Set([...names, name])].sort();
}

/** Decodes the stored list of names; anything else is an empty list. */
export function decodeSecretNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && secretNameProblem(item) === undefined) : [];
}
