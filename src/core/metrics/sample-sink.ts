// What an observer of k6's metric output hands on, sample by sample. Positional arguments rather than objects:
// this runs for every HTTP request k6 makes, tens of thousands of times a second. Times are Unix milliseconds.

export interface SampleSink {
  /** One HTTP request ended. `requestKey` is the request's id (rid tag) or, failing that, its name tag. */
  request(timeMs: number, requestKey: string, durationMs: number, status: number, errorCode: number | undefined, failed: boolean): void;
  /** One check was evaluated. */
  check(timeMs: number, requestKey: string | undefined, checkName: string, passed: boolean): void;
  /** The number of active virtual users at that moment. */
  users(timeMs: number, count: number): void;
  /** Iterations the executor could not start in time (open model only). */
  droppedIterations(timeMs: number, count: number): void;
  /** One iteration finished. */
  iteration(timeMs: number): void;
  /** Bytes received and sent on the wire (headers included), per iteration. */
  dataReceived(timeMs: number, bytes: number): void;
  dataSent(timeMs: number, bytes: number): void;
  /** Size of one response body, when the k6 runtime reports it. */
  responseBytes(timeMs: number, requestKey: string, bytes: number): void;
}
