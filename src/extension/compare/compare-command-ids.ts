// The comparison, baseline and suite commands' identifiers: the manifest, the registrations and the tests name them
// from here.

export const COMPARE_COMMANDS = {
  compareRuns: 'loadscope.compareRuns',
  pinBaseline: 'loadscope.pinBaseline',
  runSuite: 'loadscope.runSuite',
} as const;

/** The file name suites are recognised by. */
export const SUITE_FILE_PATTERN = '**/*.suite.{yaml,yml}';

/** True for a path that names a suite file. */
export function isSuiteFileName(file: string): boolean {
  return /\.suite\.ya?ml$/i.test(file);
}
