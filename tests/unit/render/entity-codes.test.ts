import { describe, expect, it } from 'vitest';
import { decodeEntityCodeText, entityCodeChar } from '../../../src/render/entity-codes.ts';
import { escapeMermaidText } from '../../../src/mermaid/escape.ts';

/** What Mermaid leaves in a subgraph title: each `#NNN;` of the escaped text as `&#NNN;`. */
const asMermaidLeavesIt = (text: string) => escapeMermaidText(text).replace(/#(\d+);/g, '&#$1;');

describe('entity codes', () => {
  it('maps decimal and hex codes to characters and rejects what is no character', () => {
    expect(entityCodeChar('40')).toBe('(');
    expect(entityCodeChar('x28')).toBe('(');
    expect(entityCodeChar('128075')).toBe('👋');
    expect(entityCodeChar('0')).toBeUndefined();
    expect(entityCodeChar('1114112')).toBeUndefined();
  });

  it('turns the escaping of any text back into that text, in one pass', () => {
    for (const text of ['cp-1 (control plane)', '<script>alert(1)</script>', 'a & b; "c" #1 %%', 'typed &#40; literally']) {
      expect(decodeEntityCodeText(asMermaidLeavesIt(text))).toBe(text);
    }
  });

  it('leaves text without codes and malformed codes alone', () => {
    expect(decodeEntityCodeText('worker-1 & #40 &#;')).toBe('worker-1 & #40 &#;');
  });
});
