import { describe, expect, it } from 'vitest';
import { base64, renderTemplate, renderValue, type TemplateScope } from '../../../src/k6-runtime/templates';
import { call, env, json, lit, tpl, v } from './scenario-builder';

function scope(values: Record<string, unknown> = {}, environment: Record<string, string> = {}, rolls: number[] = [0.5]): TemplateScope {
  let sequence = 0;
  let roll = 0;
  return {
    lookup: (path) => values[path.join('.')],
    env: (name) => environment[name],
    nextSequence: () => ++sequence,
    random: () => rolls[roll++ % rolls.length] ?? 0,
  };
}

describe('templates', () => {
  it('keeps literal text exactly, even when it looks like a template or code', () => {
    const text = '{{ token }} ${env:HOME} `${require("child_process")}` </script>\n"\'';
    expect(renderTemplate(tpl(text), scope({ token: 'SECRET' }))).toBe(text);
  });

  it('substitutes variables, env values and fallbacks', () => {
    const t = tpl('Bearer ', v('token'), ' ', env('MISSING', 'dflt'), '/', env('SET'), '/', env('NONE'));
    expect(renderTemplate(t, scope({ token: 'abc' }, { SET: 'yes' }))).toBe('Bearer abc dflt/yes/');
  });

  it('prints missing values as empty and objects as JSON', () => {
    expect(renderTemplate(tpl('[', v('nope'), '][', v('obj'), ']'), scope({ obj: { a: [1] } }))).toBe('[][{"a":[1]}]');
  });

  it('keeps the type of a JSON value that is exactly one expression', () => {
    const value = json({ n: tpl(v('count')), s: tpl('n=', v('count')), missing: tpl(v('none')), list: [1, tpl(v('flag'))], z: null });
    expect(renderValue(value, scope({ count: 3, flag: true }))).toEqual({ n: 3, s: 'n=3', missing: null, list: [1, true], z: null });
  });

  it('evaluates the built-in functions', () => {
    const s = scope({}, {}, [0, 0.999999]);
    expect(renderTemplate(tpl(call('randomInt', lit(1), lit(6))), s)).toBe('1');
    expect(renderTemplate(tpl(call('randomInt', lit(1), lit(6))), s)).toBe('6');
    expect(renderValue(json(tpl(call('randomFloat', lit(2), lit(4)))), scope({}, {}, [0.25]))).toBe(2.5);
    expect(renderTemplate(tpl(call('pick', lit('a'), lit('b'), lit('c'))), scope({}, {}, [0.5]))).toBe('b');
    expect(renderTemplate(tpl(call('randomString', lit(12))), s)).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(renderTemplate(tpl(call('uuid')), s)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const seq = scope();
    expect([1, 2, 3].map(() => renderTemplate(tpl(call('sequence')), seq))).toEqual(['1', '2', '3']);
    expect(Math.abs(Number(renderTemplate(tpl(call('now')), s)) - Date.now())).toBeLessThan(1000);
    expect(renderTemplate(tpl(call('isoTime')), s)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(renderTemplate(tpl(call('base64', v('who'))), scope({ who: 'user:pässword' }))).toBe(Buffer.from('user:pässword').toString('base64'));
  });

  it('encodes base64 like Node for every padding length', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '\u{1F600}x']) {
      expect(base64(new TextEncoder().encode(text))).toBe(Buffer.from(text).toString('base64'));
    }
  });
});
