import { describe, expect, it } from 'vitest';
import { ExpressiveCodeEngine } from '@expressive-code/core';
import type { Element } from 'hast';
import { appendStyle, codeLineCount } from '../../../src/site/code-line-count.ts';

function element(style?: string): Element {
  return { type: 'element', tagName: 'figure', properties: style === undefined ? {} : { style }, children: [] };
}

describe('appendStyle', () => {
  it('sets the style when there is none', () => {
    const el = element();
    appendStyle(el, '--ec-lines:3');
    expect(el.properties.style).toBe('--ec-lines:3');
  });
  it('keeps existing declarations, adding the separator once', () => {
    const a = element('--ecMaxLine:29ch');
    appendStyle(a, '--ec-lines:3');
    expect(a.properties.style).toBe('--ecMaxLine:29ch;--ec-lines:3');
    const b = element('color: red;');
    appendStyle(b, '--ec-lines:3');
    expect(b.properties.style).toBe('color: red;--ec-lines:3');
  });
});

describe('codeLineCount', () => {
  it('writes the number of lines of each rendered block on its frame', async () => {
    const engine = new ExpressiveCodeEngine({ plugins: [codeLineCount()] });
    const three = await engine.render({ code: 'a\nb\nc', language: 'text' });
    const one = await engine.render({ code: 'only', language: 'text' });
    const style = (r: typeof three) => JSON.stringify(r.renderedGroupAst);
    expect(style(three)).toContain('--ec-lines:3');
    expect(style(one)).toContain('--ec-lines:1');
  });
});
