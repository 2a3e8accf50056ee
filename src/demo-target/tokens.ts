// Bearer tokens that need no storage: the username signed with a secret made when the target starts.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenIssuer {
  /** A token that proves the holder logged in as `username`. */
  issue(username: string): string;
  /** The username a token was issued for, or undefined when the token is not one of ours. */
  verify(token: string): string | undefined;
}

/** Signs tokens with `secret` (random per start by default, so tokens from a previous run are refused). */
export function createTokenIssuer(secret: Buffer = randomBytes(32)): TokenIssuer {
  const sign = (payload: string): Buffer => createHmac('sha256', secret).update(payload).digest();
  return {
    issue(username) {
      const payload = Buffer.from(username, 'utf8').toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    verify(token) {
      const dot = token.indexOf('.');
      if (dot <= 0) return undefined;
      const payload = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1), 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return Buffer.from(payload, 'base64url').toString('utf8');
    },
  };
}

/** The token of an `Authorization: Bearer TOKEN` header, if that is what the header holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1];
}
