import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/mermaid/labels.ts';

describe('wrapText', () => {
  it('breaks at spaces so no line passes the width', () => {
    expect(wrapText('route 10.244.2.0/24 via 10.244.2.0: flannel.1 wraps it in VXLAN', 20)).toEqual([
      'route 10.244.2.0/24',
      'via 10.244.2.0:',
      'flannel.1 wraps it',
      'in VXLAN',
    ]);
  });
  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapText('chain KUBE-SVC-IWCJJAMV7TQADP7P next', 10)).toEqual(['chain', 'KUBE-SVC-IWCJJAMV7TQADP7P', 'next']);
  });
  it('collapses runs of whitespace and returns nothing for blank text', () => {
    expect(wrapText('  a \n b  ', 10)).toEqual(['a b']);
    expect(wrapText('   ', 10)).toEqual([]);
  });
});
