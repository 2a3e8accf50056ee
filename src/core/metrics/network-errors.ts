// k6's `error_code` tag (lib/netext/httpext/error_codes.go) in plain words. Codes 1400..1599 are HTTP statuses
// (1000 + status) and are reported as "HTTP <status>" instead; everything else here means no response arrived.

export type NetworkErrorKind = 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'other';

/** The family of a k6 network error code, for the per-second error counts. */
export function networkErrorKind(code: number): NetworkErrorKind {
  if (code === 1050 || code === 1211) return 'timeout';
  if (code === 1212) return 'refused';
  if (code === 1220 || code === 1201) return 'reset';
  if (code >= 1100 && code < 1110) return 'dns';
  if (code >= 1300 && code < 1400) return 'tls';
  return 'other';
}

const DESCRIPTIONS: ReadonlyMap<number, string> = new Map([
  [1000, 'network error'],
  [1010, 'network error (not TCP)'],
  [1020, 'invalid URL'],
  [1050, 'timeout'],
  [1100, 'DNS lookup failed'],
  [1101, 'DNS: no such host'],
  [1110, 'blocked IP address'],
  [1111, 'blocked host name'],
  [1200, 'TCP error'],
  [1201, 'broken pipe'],
  [1202, 'network error (unknown errno)'],
  [1210, 'could not connect'],
  [1211, 'connect timeout'],
  [1212, 'connection refused'],
  [1213, 'could not connect (unknown errno)'],
  [1220, 'connection reset'],
  [1300, 'TLS error'],
  [1301, 'TLS: not a TLS server'],
  [1310, 'TLS: unknown certificate authority'],
  [1311, "TLS: certificate doesn't match the host name"],
  [1701, 'could not decompress the response'],
]);

/** Plain words for a k6 network error code, e.g. 1212 → "connection refused". */
export function describeNetworkError(code: number): string {
  const known = DESCRIPTIONS.get(code);
  if (known) return known;
  if (code >= 1600 && code < 1700) return `HTTP/2 error (k6 code ${code})`;
  if (code >= 1100 && code < 1200) return `DNS error (k6 code ${code})`;
  if (code >= 1300 && code < 1400) return `TLS error (k6 code ${code})`;
  return `network error (k6 code ${code})`;
}

/** What went wrong with one failed request: "HTTP 503" when a response came, the network error otherwise. */
export function describeRequestFailure(status: number, errorCode: number | undefined): string {
  if (status > 0) return `HTTP ${status}`;
  return errorCode !== undefined && errorCode > 0 ? describeNetworkError(errorCode) : 'network error';
}
