/** Where the bundles go (absolute). */
export declare const extensionHostTestsDir: string;
/** Builds index.js (exports run()) and mocha-suite.js (for @vscode/test-cli); returns their absolute paths. */
export declare function buildExtensionHostTests(): Promise<{ index: string; mochaSuite: string }>;
