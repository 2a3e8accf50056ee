// What a run command may be given besides the scenario's URI: a CodeLens above a user group passes the group's
// name. Arguments come from menus, lenses and other extensions, so they are checked, not trusted.

export interface RunOptions {
  /** Run only this user group. */
  group?: string;
}

/** The run options in a command argument; anything unrecognised means none. */
export function decodeRunOptions(value: unknown): RunOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const group: unknown = Reflect.get(value, 'group');
  return typeof group === 'string' && group.trim() !== '' ? { group } : {};
}
