// The demo target over HTTP: a small stand-in for the deployment platform of the load-testing story,
// with a login throttle and a bounded database pool whose capacity is known by construction (see options.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createDemoPlatform, type DemoPlatformStats, type RequestBody } from './demo-platform';
import { resolveDemoTargetOptions, type DemoTargetOptions } from './options';

export { DEMO_TARGET_DEFAULTS, poolCapacityPerSecond, type DemoTargetOptions } from './options';

/** A running demo target. */
export interface DemoTarget {
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** The settings in force, defaults filled in. */
  options: DemoTargetOptions;
  /** The same numbers as `GET /api/_stats` (`GET /metrics` has them in the Prometheus text format). */
  stats(): DemoPlatformStats;
  /** Stops listening, drops open connections and fails requests still queued for the pool. */
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;

/** Starts the demo target (127.0.0.1, port 8080 unless told otherwise; port 0 picks a free one). */
export async function startDemoTarget(overrides: Partial<DemoTargetOptions> = {}): Promise<DemoTarget> {
  const options = resolveDemoTargetOptions(overrides);
  const platform = createDemoPlatform(options);

  const server = createServer((request, response) => {
    void serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: error instanceof Error ? error.message : String(error) });
      else response.destroy();
    });
  });
  // k6 keeps connections open between iterations; keep them longer than the longest think time.
  server.keepAliveTimeout = 65_000;

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const abandoned = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abandoned.abort();
    });
    const url = new URL(request.url ?? '/', 'http://demo-target.invalid');
    const body = await readBody(request);
    if (body === 'tooLarge') {
      // The rest of the body is still on the wire: this connection cannot carry another request.
      send(response, 413, { error: `request body larger than ${maxBodyBytes} bytes` }, { Connection: 'close' });
      return;
    }
    const authorization = request.headers.authorization;
    const result = await platform.handle({
      method: request.method ?? 'GET',
      pathname: url.pathname,
      query: url.searchParams,
      body,
      signal: abandoned.signal,
      ...(authorization === undefined ? {} : { authorization }),
    });
    if (response.destroyed) return;
    if (result.text === undefined) send(response, result.status, result.body, result.headers);
    else sendText(response, result.status, result.text, result.headers);
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo target did not bind a TCP port');
  const port = address.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    options,
    stats: () => platform.stats(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        platform.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<RequestBody | 'tooLarge'> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > maxBodyBytes) {
    request.resume();
    return 'tooLarge';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBodyBytes) return 'tooLarge';
    chunks.push(buffer);
  }
  if (size === 0) return { kind: 'none' };
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return { kind: 'json', value };
  } catch {
    return { kind: 'invalid', reason: 'request body is not valid JSON' };
  }
}
