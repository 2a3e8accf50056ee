// One scrape over a real socket on 127.0.0.1: what comes back for each way an endpoint can misbehave.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScrapeAgents, scrapeText } from '../../../src/core/monitors/http-scrape';

const agents = createScrapeAgents();
const handlers: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/ok': (_q, r) => r.end('up 1\n'),
  '/error': (_q, r) => {
    r.writeHead(503);
    r.end('down');
  },
  '/declared-large': (_q, r) => {
    r.writeHead(200, { 'Content-Length': String(2048) });
    r.end('x'.repeat(2048));
  },
  '/streamed-large': (_q, r) => {
    r.write('x'.repeat(700));
    r.end('x'.repeat(700));
  },
  '/silent': () => {
    // Never answers: the scrape must give up by itself.
  },
  '/gzip': (_q, r) => {
    r.writeHead(200, { 'Content-Encoding': 'gzip' });
    r.end('not really gzip');
  },
  '/cut': (request) => {
    request.socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
  },
};
const server = createServer((request, response) => (handlers[request.url ?? ''] ?? handlers['/ok'])?.(request, response));
let base = '';

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  agents.http.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const scrape = (path: string, timeoutMs = 2000) => scrapeText(`${base}${path}`, { timeoutMs, maxBytes: 1024, agents });

describe('scrapeText', () => {
  it('reads the body, twice over the same kept-alive connection', async () => {
    expect(await scrape('/ok')).toEqual({ ok: true, text: 'up 1\n' });
    expect(await scrape('/ok')).toEqual({ ok: true, text: 'up 1\n' });
  });

  it('says what went wrong, in plain words', async () => {
    expect(await scrape('/error')).toEqual({ ok: false, problem: 'the endpoint answered HTTP 503' });
    expect(await scrape('/declared-large')).toEqual({ ok: false, problem: 'the response is larger than 1 KB' });
    expect(await scrape('/streamed-large')).toMatchObject({ ok: false, problem: expect.stringMatching(/^the response is larger than/) });
    expect(await scrape('/silent', 200)).toEqual({ ok: false, problem: 'no answer within 200 ms' });
    expect(await scrape('/gzip')).toEqual({ ok: false, problem: 'the endpoint sent a gzip-compressed body although none was asked for' });
    expect(await scrape('/cut')).toMatchObject({ ok: false, problem: 'the endpoint closed the connection before the end of the body' });
    expect(await scrape('/ok')).toEqual({ ok: true, text: 'up 1\n' });
  });
});
