// Folders the editor tests use, all resolved from the repository root so no machine path is written anywhere.
import path from 'node:path';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Everything the editor tests write (ignored by git). */
export const editorOutputDir = path.join(repoRoot, 'test-output', 'editor');

/** Where screenshot(step) saves its PNGs. */
export const screenshotsDir = path.join(editorOutputDir, 'screenshots');

/** The k6 the project's setup builds, which the run tests point `loadscope.k6Path` at. */
export const projectK6 = path.join(repoRoot, '.tools', 'bin', 'k6');
