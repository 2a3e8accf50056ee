// Where the CLI finds the project's own tool folder: next to the bundle's package (dist/../.tools/bin).

import path from 'node:path';

/** `.tools/bin` of the package this CLI was built in; searched last for k6. */
export function projectToolDir(): string {
  return path.resolve(__dirname, '..', '.tools', 'bin');
}
