import { describe, expect, it } from 'vitest';
import { decodeEntityCodePieces, decodeEntityCodeText, entityCodeChar } from '../../../src/render/entity-codes.ts';
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

describe('codes split between word pieces', () => {
  // Mermaid draws `fd00:10:244::/64` (escaped `fd00#58;10#58;244#58;#58;/64`) as word tspans
  // `fd00&#58;10&#58;244&#58;&#58` and `;/64`: seen on the Your cluster page with a dual-stack paste.
  it('joins a code cut at the end of one piece with the digits that finish it in the next', () => {
    expect(decodeEntityCodePieces(['VXLAN UDP 8472 to', 'fd00&#58;10&#58;244&#58;&#58', ';/64'])).toEqual(['VXLAN UDP 8472 to', 'fd00:10:244::', '/64']);
    expect(decodeEntityCodePieces(['a &#', '40;b', '&#x2', '9;'])).toEqual(['a (', 'b', ')', '']);
  });
  it('leaves a cut that the next piece does not finish as it is', () => {
    expect(decodeEntityCodePieces(['worker &#58', ' next'])).toEqual(['worker &#58', ' next']);
    expect(decodeEntityCodePieces(['last &#58'])).toEqual(['last &#58']);
  });
  it('writes decoded characters through emit, and only those', () => {
    expect(decodeEntityCodePieces(['&#60;b&#6', '2; &lt;'], (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c))).toEqual(['&lt;b&gt;', ' &lt;']);
  });
});
