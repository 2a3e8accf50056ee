// The part of k6's `options` object that Loadscope writes. Field names and value shapes follow k6 v2
// (lib/executor/*.go, lib/options.go): counts and rates are integers, durations are k6 duration strings.

/** A k6 duration string such as `30s` or `1500ms`. */
export type K6Duration = string;

/** Closed model: a number of looping users that moves stage by stage. */
export interface K6RampingVusScenario {
  executor: 'ramping-vus';
  startVUs: number;
  stages: K6Stage[];
  gracefulRampDown: K6Duration;
  gracefulStop: K6Duration;
}

/** Open model: iterations start at a rate per `timeUnit`, served by up to `maxVUs` users. */
export interface K6RampingArrivalRateScenario {
  executor: 'ramping-arrival-rate';
  startRate: number;
  timeUnit: K6Duration;
  preAllocatedVUs: number;
  maxVUs: number;
  stages: K6Stage[];
  gracefulStop: K6Duration;
}

/** A fixed number of iterations per user; the compiler never emits it, tests use it for exact counts. */
export interface K6PerVuIterationsScenario {
  executor: 'per-vu-iterations';
  vus: number;
  iterations: number;
  maxDuration?: K6Duration;
  gracefulStop?: K6Duration;
}

export type K6Scenario = K6RampingVusScenario | K6RampingArrivalRateScenario | K6PerVuIterationsScenario;

/** `target` is users for ramping-vus and iterations per time unit for ramping-arrival-rate. */
export interface K6Stage {
  duration: K6Duration;
  target: number;
}

/** One threshold expression, or its object form when a failure must stop the test. */
export type K6Threshold = string | { threshold: string; abortOnFail: boolean; delayAbortEval?: K6Duration };

export interface K6Options {
  /** Keyed by safe identifiers (`g0`, `g1`...), never by user text. */
  scenarios: Record<string, K6Scenario>;
  /** Keyed by metric, optionally with a tag filter: `http_req_duration{rid:r0}`. */
  thresholds: Record<string, K6Threshold[]>;
  summaryTrendStats: string[];
  systemTags: string[];
  discardResponseBodies: boolean;
  setupTimeout: K6Duration;
}
