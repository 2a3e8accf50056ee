// The file "Loadscope: New Scenario" writes: short, commented, valid as it stands, and runnable against the demo
// target (`loadscope demo-target`). A unit test keeps it free of errors as the language changes.

/** The starter scenario's text. */
export const STARTER_SCENARIO = `# A Loadscope scenario: what to request, how much load, for how long, and what counts as passing.
# Hover over any key for its documentation; Ctrl+Space offers what may come next.
scenario: New scenario
description: Log in once per user, then list, create and read deployments.

# The system under test. \${env:NAME:-default} reads an environment variable, with a default.
# The default is the demo target: start it with \`loadscope demo-target\`.
target: \${env:TARGET_URL:-http://127.0.0.1:8080}

# Closed model: 10 concurrent users, started 2 per second; the duration includes the ramp.
# Open model instead (arrivals per second, however slow the answers):
#   rate: 20/s
#   duration: 1m
#   maxUsers: 50
load:
  users: 10
  spawnRate: 2/s
  duration: 30s

# Each user pauses between two requests.
thinkTime: 1s..3s

# Once per user, before its first iteration. Secrets come from the environment, never from the file;
# the captured token is then used as {{ token }}.
onStart:
  - name: login
    POST: /api/auth/login
    json: { username: "user-{{ user }}", password: "\${env:LOAD_PASSWORD:-demo}" }
    expect: { status: 200 }
    capture: { token: $.access }

# Sent with every request.
headers:
  Accept: application/json

# The mix: each iteration picks one item, in proportion to its weight (1 when left out).
requests:
  - name: list deployments
    weight: 3
    GET: /api/deployments
    query: { limit: 10 }
    headers: { Authorization: "Bearer {{ token }}" }
    expect: { status: 200 }
  - flow: create and read
    steps:
      - name: create deployment
        POST: /api/deployments
        headers: { Authorization: "Bearer {{ token }}" }
        json:
          app: app-{{ randomInt(1, 50) }}
          version: "1.{{ randomInt(0, 9) }}.0"
          ring: "{{ pick('canary', 'pilot', 'broad') }}"
        expect: { status: 201 }
        capture: { deploymentId: $.id }
      - name: get deployment
        GET: /api/deployments/{{ deploymentId }}
        headers: { Authorization: "Bearer {{ token }}" }
        expect: { status: 200 }

# Pass or fail. Also per request: requests: { create deployment: { p95: < 300ms } }
targets:
  p95: < 500ms
  errors: < 1%
`;
