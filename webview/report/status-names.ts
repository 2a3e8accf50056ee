// Short reason phrases for the status codes a load test usually meets, for chart legends.

const REASONS: Readonly<Record<string, string>> = {
  '0': 'network error',
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '304': 'Not Modified',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '408': 'Request Timeout',
  '409': 'Conflict',
  '422': 'Unprocessable Content',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
};

/** "429 Too Many Requests", "0 network error", or the bare code. */
export function statusName(status: string): string {
  const reason = REASONS[status];
  return reason === undefined ? status : `${status} ${reason}`;
}
