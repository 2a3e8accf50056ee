// The packaged .vsix holds only what the extension needs at run time: the bundles, the schema, the grammar, media,
// README, LICENSE and the manifest (the .vscodeignore allowlist), and no source maps or node_modules.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageExtension } from './harness/vsix';

/** Entry names from a zip's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const endSignature = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== endSignature) end--;
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < entries; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/license(\.txt)?$/i,
  /^extension\/dist\/(extension|k6-runtime|webview|report-page)\.js$/,
  /^extension\/dist\/webview\.css$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/media\/[\w.-]+\.(png|svg)$/,
];

describe('the packaged extension', () => {
  it('holds only the bundles, schema, grammar, media, README, LICENSE and manifest', () => {
    const vsix = packageExtension();
    const entries = zipEntries(readFileSync(vsix));
    const unexpected = entries.filter((entry) => !ALLOWED.some((pattern) => pattern.test(entry)));
    expect(unexpected).toEqual([]);
    for (const needed of ['extension/dist/extension.js', 'extension/dist/k6-runtime.js', 'extension/dist/webview.js', 'extension/dist/webview.css', 'extension/dist/report-page.js', 'extension/schemas/scenario.schema.json', 'extension/media/icon.png']) {
      expect(entries).toContain(needed);
    }
    console.log(`.vsix: ${entries.length} files, ${(statSync(vsix).size / 1024).toFixed(0)} KiB`);
  });
});
