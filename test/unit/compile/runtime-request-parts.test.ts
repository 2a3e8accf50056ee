import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/core/compile/compile';
import type { PlanRequest } from '../../../src/core/compile/plan';
import { appendQuery, joinUrl, renderRequest } from '../../../src/k6-runtime/request-parts';
import type { TemplateScope } from '../../../src/k6-runtime/templates';
import { closed, group, json, mixRequest, request, scenario, tpl, v } from './scenario-builder';

const scope: TemplateScope = { lookup: (p) => ({ token: 't0k', id: 'a/b c' })[p.join('.')], env: () => undefined, nextSequence: () => 1, random: () => 0 };

function planned(spec: ReturnType<typeof request>): PlanRequest {
  const item = compileScenario(scenario({ groups: [group('G', closed(1, 1), [mixRequest(spec)])] })).plan.groups[0]?.mix[0];
  if (item?.kind !== 'request') throw new Error('expected a request');
  return item.request;
}

describe('renderRequest', () => {
  it('joins paths to the target and keeps absolute URLs', () => {
    expect(joinUrl('http://h/api/', '/x')).toBe('http://h/api/x');
    expect(joinUrl('http://h', 'x')).toBe('http://h/x');
    expect(joinUrl('http://h/', '')).toBe('http://h/');
    const r = planned(request('abs', 'GET', 'https://other.example/p'));
    expect(renderRequest(r, tpl('http://h'), [], scope).url).toBe('https://other.example/p');
  });

  it('appends query pairs in order, encoded, after any query already in the path', () => {
    expect(appendQuery('http://h/p?a=1', [['b', 'x y&z'], ['b', '=']])).toBe('http://h/p?a=1&b=x%20y%26z&b=%3D');
    const r = planned(request('q', 'GET', tpl('/items/', v('id')), { query: [['q', tpl('#', v('token'))]] }));
    expect(renderRequest(r, tpl('http://h'), [], scope).url).toBe('http://h/items/a/b c?q=%23t0k');
  });

  it('layers headers case-insensitively: scenario < group < body type < request', () => {
    const r = planned(
      request('h', 'POST', '/', {
        headers: [{ name: 'authorization', value: tpl('Bearer ', v('token')) }],
        body: { kind: 'json', value: json({ a: 1 }) },
      }),
    );
    const parts = renderRequest(
      r,
      tpl('http://h'),
      [
        [{ name: 'Authorization', value: tpl('none') }, { name: 'Content-Type', value: tpl('text/plain') }, { name: 'X-A', value: tpl('scenario') }],
        [{ name: 'x-a', value: tpl('group') }],
      ],
      scope,
    );
    expect(parts.headers).toEqual({ authorization: 'Bearer t0k', 'Content-Type': 'application/json', 'x-a': 'group' });
    expect(parts.body).toBe('{"a":1}');
  });

  it('lets the request set its own content type over the body type', () => {
    const r = planned(
      request('ct', 'POST', '/', { headers: [{ name: 'content-type', value: tpl('application/vnd.x+json') }], body: { kind: 'json', value: json([]) } }),
    );
    expect(renderRequest(r, tpl('http://h'), [], scope).headers).toEqual({ 'content-type': 'application/vnd.x+json' });
  });

  it('encodes form fields in order and sends raw bodies as written', () => {
    const form = planned(request('f', 'POST', '/', { body: { kind: 'form', fields: [['a b', tpl('1&2')], ['a b', tpl('é')]] } }));
    expect(renderRequest(form, tpl('http://h'), [], scope)).toMatchObject({
      body: 'a%20b=1%262&a%20b=%C3%A9',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const raw = planned(request('r', 'PUT', '/', { body: { kind: 'raw', text: tpl('<x>', v('token'), '</x>'), contentType: 'application/xml' } }));
    expect(renderRequest(raw, tpl('http://h'), [], scope)).toMatchObject({ body: '<x>t0k</x>', headers: { 'Content-Type': 'application/xml' } });
    const none = planned(request('n', 'GET', '/'));
    expect(renderRequest(none, tpl('http://h'), [], scope)).toEqual({ url: 'http://h/', headers: {}, body: null });
  });
});
