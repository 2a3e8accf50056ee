// Asking a running k6 to stop gracefully. On POSIX a SIGINT does it; on Windows a child cannot be sent SIGINT from
// Node, so the stop goes through k6's REST API (`--address 127.0.0.1:PORT`), which ends the run the same way
// (exit code 103 instead of 105, summary still written).

import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';

export type StopMethod = 'signal' | 'rest';

/** The graceful stop that works on this platform. */
export function defaultStopMethod(platform: NodeJS.Platform = process.platform): StopMethod {
  return platform === 'win32' ? 'rest' : 'signal';
}

/** A TCP port on 127.0.0.1 that was free a moment ago, for k6's REST API. */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sends k6 a SIGINT: the run is interrupted, teardown and handleSummary still run. */
export function stopWithSignal(child: ChildProcess): boolean {
  return child.kill('SIGINT');
}

/** Asks k6's REST API to stop the run; resolves to false when k6 did not accept (not listening yet, gone). */
export function stopWithRestApi(port: number, timeoutMs = 5_000): Promise<boolean> {
  const body = JSON.stringify({ data: { type: 'status', id: 'default', attributes: { stopped: true } } });
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'PATCH',
        path: '/v1/status',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode !== undefined && response.statusCode < 300);
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
    request.end(body);
  });
}
