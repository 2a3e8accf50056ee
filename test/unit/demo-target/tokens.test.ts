import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenIssuer } from '../../../src/demo-target/tokens';

describe('tokens', () => {
  it('verifies its own tokens and returns the username', () => {
    const issuer = createTokenIssuer(Buffer.alloc(32, 1));
    expect(issuer.verify(issuer.issue('loadtest-7'))).toBe('loadtest-7');
    expect(issuer.verify(issuer.issue('ünïcode user'))).toBe('ünïcode user');
  });

  it('refuses tokens signed with another secret, tampered or malformed', () => {
    const issuer = createTokenIssuer(Buffer.alloc(32, 1));
    const other = createTokenIssuer(Buffer.alloc(32, 2));
    const token = issuer.issue('alice');
    expect(issuer.verify(other.issue('alice'))).toBeUndefined();
    expect(issuer.verify(`${Buffer.from('mallory').toString('base64url')}${token.slice(token.indexOf('.'))}`)).toBeUndefined();
    for (const bad of ['', 'abc', '.sig', 'a.b.c', token + 'x']) expect(issuer.verify(bad)).toBeUndefined();
  });

  it('reads the token of a Bearer header only', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
