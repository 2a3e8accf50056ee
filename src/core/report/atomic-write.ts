// Readers (a CI step, the editor, a file watcher) never see half a report: write aside, then rename.

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Writes UTF-8 text to a temp file in the same folder, flushes it, then renames it over `filePath`. */
export async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  // Same folder so the rename stays on one file system (atomic); random part so parallel writers never collide.
  const tempPath = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(tempPath, 'wx');
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tempPath, filePath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw error;
  }
}
