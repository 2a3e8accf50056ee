// Runs every benchmark in sequence (`npm run bench`). Each one prints its table and saves it under bench/results/.
// Extra arguments are passed to each, e.g. `npm run bench -- --rounds 5`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches = [
  ['observer-overhead.mjs', ['--rounds', '3', '--duration', '10s']],
  ['observer-memory.mjs', []],
  ['monitor-cost.mjs', []],
];
const extra = process.argv.slice(2);
for (const [file, defaults] of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, file), ...defaults, ...extra], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${file} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}
