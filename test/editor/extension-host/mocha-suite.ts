// Adapter for @vscode/test-cli, whose runner loads test files into mocha with the `tdd` interface (`suite`, `test`).
import { allTests } from './all-tests';

type Register = (name: string, body: () => Promise<void> | void) => void;

function mochaGlobal(name: 'suite' | 'test'): Register {
  const candidate: unknown = Reflect.get(globalThis, name);
  if (typeof candidate !== 'function') throw new Error(`mocha's tdd global \`${name}\` is missing: load this file through @vscode/test-cli`);
  return (title, body) => Reflect.apply(candidate, globalThis, [title, body]);
}

const suite = mochaGlobal('suite');
const test = mochaGlobal('test');

suite('loadscope extension host', () => {
  for (const each of allTests) test(each.name, () => each.run());
});
