import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../src/demo-target/routes';

describe('matchRoute', () => {
  it.each([
    ['GET', '/healthz', 'healthz', {}],
    ['GET', '/api/_stats', 'stats', {}],
    ['POST', '/api/auth/login', 'login', {}],
    ['POST', '/api/deployments', 'createDeployment', {}],
    ['GET', '/api/deployments', 'listDeployments', {}],
    ['GET', '/api/deployments/42', 'getDeployment', { id: '42' }],
    ['GET', '/api/cab/pending', 'listPendingChanges', {}],
    ['POST', '/api/cab/1001/approve', 'approveChange', { id: '1001' }],
    ['POST', '/api/cab/1001/reject', 'rejectChange', { id: '1001' }],
    ['GET', '/api/planes', 'listPlanes', {}],
    ['POST', '/api/planes/jamf/connectors/apps/publish', 'publishConnector', { plane: 'jamf', connector: 'apps' }],
  ])('%s %s is %s', (method, path, route, params) => {
    expect(matchRoute(method, path)).toEqual({ kind: 'route', route, params });
  });

  it('ignores one trailing slash and decodes path segments', () => {
    expect(matchRoute('GET', '/api/planes/')).toMatchObject({ route: 'listPlanes' });
    expect(matchRoute('POST', '/api/planes/my%20plane/connectors/apps/publish')).toMatchObject({ params: { plane: 'my plane' } });
  });

  it('says which methods a known path takes', () => {
    expect(matchRoute('DELETE', '/api/deployments')).toEqual({ kind: 'wrongMethod', allowed: ['POST', 'GET'] });
    expect(matchRoute('GET', '/api/cab/7/approve')).toEqual({ kind: 'wrongMethod', allowed: ['POST'] });
  });

  it('answers HEAD like GET', () => {
    expect(matchRoute('HEAD', '/healthz')).toMatchObject({ kind: 'route', route: 'healthz' });
  });

  it.each(['/', '/api', '/api/deployments/1/extra', '/api/deployments//', '/api/cab/%E0%A4%A/approve', '/api/planes//connectors/apps/publish'])('%s is not found', (path) => {
    expect(matchRoute('GET', path).kind).not.toBe('route');
    expect(matchRoute('POST', path).kind).not.toBe('route');
  });
});
