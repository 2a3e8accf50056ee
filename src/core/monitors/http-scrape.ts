// One GET of a metrics endpoint with node:http(s): bounded in time and size, never rejecting, and never the
// reason the process stays up (its timer and socket are unref'd).
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export type ScrapeResult = { ok: true; text: string } | { ok: false; problem: string };

export interface ScrapeOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Kept-alive connections, so a scrape a second does not open a connection a second. */
  agents: { http: HttpAgent; https: HttpsAgent };
}

/** Agents for `ScrapeOptions`, one connection per endpoint; destroy them when sampling stops. */
export function createScrapeAgents(): ScrapeOptions['agents'] {
  return { http: new HttpAgent({ keepAlive: true, maxSockets: 1 }), https: new HttpsAgent({ keepAlive: true, maxSockets: 1 }) };
}

/** Reads the body of `url`; a problem in plain words for a network error, a timeout, a status other than 2xx or an oversized body. */
export function scrapeText(url: string, options: ScrapeOptions): Promise<ScrapeResult> {
  return new Promise((resolve) => {
    let settled = false;
    let request: ClientRequest | undefined;
    const timer = setTimeout(() => {
      finish({ ok: false, problem: `no answer within ${options.timeoutMs} ms` });
      request?.destroy();
    }, options.timeoutMs);
    timer.unref();
    const finish = (result: ScrapeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    try {
      const secure = url.startsWith('https:');
      const send = secure ? httpsRequest : httpRequest;
      request = send(url, {
        method: 'GET',
        agent: secure ? options.agents.https : options.agents.http,
        headers: { Accept: 'text/plain; version=0.0.4, */*;q=0.1', 'Accept-Encoding': 'identity', 'User-Agent': 'loadscope-monitor' },
      });
    } catch (error) {
      finish({ ok: false, problem: describeError(error) });
      return;
    }
    const sent = request;
    sent.on('socket', (socket) => socket.unref());
    sent.on('error', (error) => finish({ ok: false, problem: describeError(error) }));
    sent.on('response', (response) => readBody(response, options.maxBytes, finish, () => sent.destroy()));
    sent.end();
  });
}

function readBody(response: IncomingMessage, maxBytes: number, finish: (result: ScrapeResult) => void, abort: () => void): void {
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.resume();
    finish({ ok: false, problem: `the endpoint answered HTTP ${status}` });
    return;
  }
  const encoding = response.headers['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    abort();
    finish({ ok: false, problem: `the endpoint sent a ${encoding}-compressed body although none was asked for` });
    return;
  }
  const tooLarge = `the response is larger than ${sizeInWords(maxBytes)}`;
  if (Number(response.headers['content-length'] ?? '0') > maxBytes) {
    abort();
    finish({ ok: false, problem: tooLarge });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      abort();
      finish({ ok: false, problem: tooLarge });
      return;
    }
    chunks.push(chunk);
  });
  response.on('end', () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
  // An error or a close before the end both mean the body was cut short; Node's own word for it is just "aborted".
  const cut = (): void => finish({ ok: false, problem: 'the endpoint closed the connection before the end of the body' });
  response.on('error', cut);
  response.on('close', () => {
    if (!response.complete) cut();
  });
}

function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A network error in plain words; Node's own message (`connect ECONNREFUSED 127.0.0.1:9`) when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.message === '') {
    // Node tries each address of a name in turn and, when all fail, reports them together with an empty message.
    const first: unknown = error.errors[0];
    if (first instanceof Error && first.message !== '') return first.message;
  }
  if (error instanceof Error) {
    if (error.message !== '') return error.message;
    const code = 'code' in error ? error.code : undefined;
    if (typeof code === 'string') return code;
  }
  return String(error);
}
