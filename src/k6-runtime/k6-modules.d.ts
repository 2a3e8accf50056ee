// Types for the parts of k6's JavaScript API the runtime uses (k6 ships no npm typings we may add).

declare module 'k6' {
  export function check<T>(value: T, sets: Record<string, (value: T) => boolean>, tags?: Record<string, string>): boolean;
  export function sleep(seconds: number): void;
}

declare module 'k6/http' {
  export interface Response {
    status: number;
    body: string | null;
    headers: Record<string, string>;
    timings: { duration: number };
    error: string;
    error_code: number;
  }
  export interface ResponseCallback {
    readonly __brand: 'k6 response callback';
  }
  export interface Params {
    headers?: Record<string, string>;
    tags?: Record<string, string>;
    timeout?: string;
    responseType?: 'text' | 'binary' | 'none';
    responseCallback?: ResponseCallback;
    redirects?: number;
  }
  export function request(method: string, url: string, body: string | null, params: Params): Response;
  export function expectedStatuses(...statuses: (number | { min: number; max: number })[]): ResponseCallback;
  const http: { request: typeof request; expectedStatuses: typeof expectedStatuses };
  export default http;
}

declare module 'k6/execution' {
  const exec: {
    scenario: { name: string; iterationInTest: number };
    vu: { idInTest: number; iterationInScenario: number };
  };
  export default exec;
}

declare module 'k6/data' {
  export class SharedArray<T> {
    constructor(name: string, build: () => T[]);
    readonly length: number;
    [index: number]: T;
  }
}

// k6 init-context globals.
declare const __ENV: Record<string, string | undefined>;
declare function open(path: string): string;
