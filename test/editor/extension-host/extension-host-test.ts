// The shape of a test that runs inside the real extension host, shared by the built-in runner and the mocha adapter.

/** A named test body; it throws (node:assert) to fail. */
export interface ExtensionHostTest {
  name: string;
  run: () => Promise<void> | void;
}
