// A target whose every answer takes the same service time: the simplest system under test whose speed the test
// sets by construction, so "slowed on purpose" is a number, not a guess. Listens on 127.0.0.1 only.

import http from 'node:http';
import type { Socket } from 'node:net';

export interface LocalTarget {
  url: string;
  close(): Promise<void>;
}

/** Answers every request with 200 and a small JSON body, `serviceTimeMs` after its body has arrived. */
export async function startFixedServiceTarget(serviceTimeMs: number): Promise<LocalTarget> {
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      }, serviceTimeMs);
    });
  });
  // k6 keeps connections open between iterations; keep them longer than the think time.
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the target is not listening on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
