// k6 script for the observer benchmarks, written by hand so the benchmark does not depend on the compiler.
// Tags and options mirror what the compiled runtime emits: name + rid tags, a tagged check, the compiler's
// system tags, discarded bodies, summary data written to LOADSCOPE_SUMMARY.
import http from 'k6/http';
import { check } from 'k6';

const base = __ENV.BENCH_TARGET;
const path = __ENV.BENCH_PATH || '/fast';

export const options = {
  scenarios: { g0: { executor: 'constant-vus', vus: Number(__ENV.BENCH_VUS || 20), duration: __ENV.BENCH_DURATION || '10s' } },
  systemTags: (__ENV.BENCH_SYSTEM_TAGS || 'status,method,name,scenario,error_code,expected_response,check').split(','),
  summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
  discardResponseBodies: true,
  thresholds: { 'http_req_duration{rid:r0}': ['max>=0'], 'http_req_duration{rid:r1}': ['max>=0'] },
};

const requests = [
  { tags: { name: 'get item', rid: 'r0' } },
  { tags: { name: 'list items', rid: 'r1' } },
];

export default function () {
  const request = requests[__ITER % 2];
  const response = http.get(`${base}${path}?i=${__ITER % 2}`, { tags: request.tags });
  check(response, { [`${request.tags.name}: status is 200`]: (r) => r.status === 200 }, request.tags);
}

export function handleSummary(data) {
  return { [__ENV.LOADSCOPE_SUMMARY]: JSON.stringify(data) };
}
