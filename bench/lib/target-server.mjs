// The load target for the benchmarks: a minimal HTTP server on 127.0.0.1, run as its own process so its CPU is
// measured apart from the observer's. `/fast` answers at once; `/spread` after a random 1-30 ms.
// Prints {"port": N} on stdout when listening.
import http from 'node:http';

const body = Buffer.from('{"ok":true}');
const server = http.createServer((req, res) => {
  const answer = () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  };
  if (req.url?.startsWith('/spread')) setTimeout(answer, 1 + Math.random() * 29);
  else answer();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
