// The one message shown when no usable k6 is found: what was tried and what to do, short enough for a notification
// (the full text, one candidate a line, goes to the log).

import { REQUIRED_K6_MAJOR, type K6Candidate } from '../../core/k6/locate';

/** A paragraph: the headline, each candidate tried with its problem, and the ways out. */
export function k6ProblemText(tried: readonly K6Candidate[]): string {
  const attempts = tried.map((candidate) => `${candidate.path} (${sourceWords(candidate.source)}): ${candidate.problem}`);
  const triedText = attempts.length === 0 ? '' : ` Tried: ${attempts.join('; ')}.`;
  return (
    `Loadscope cannot run the scenario: no usable k6 v${REQUIRED_K6_MAJOR}.x was found.${triedText} ` +
    `Install k6 v${REQUIRED_K6_MAJOR} and put it on PATH, or choose the binary with "Select k6 Binary".`
  );
}

function sourceWords(source: K6Candidate['source']): string {
  switch (source) {
    case 'option':
      return 'loadscope.k6Path setting';
    case 'LOADSCOPE_K6':
      return 'LOADSCOPE_K6';
    case 'PATH':
      return 'on PATH';
    case 'tool folder':
      return "the project's tool folder";
  }
}
