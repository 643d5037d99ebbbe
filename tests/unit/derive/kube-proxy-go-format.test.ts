// Go's fmt "%0.Nf": golang/go src/strconv/ftoa.go + decimal.go shouldRoundUp ("exactly halfway -
// round to even"). Expected values checked against C printf / Python '%0.Nf', which round the
// same way.
import { describe, expect, it } from 'vitest';
import { goFormatFixed } from '../../../src/derive/kube-proxy-go-format.ts';

describe('goFormatFixed', () => {
  it('rounds exact binary ties to even', () => {
    expect(goFormatFixed(1 / 2048, 10)).toBe('0.0004882812');
    expect(goFormatFixed(0.125, 2)).toBe('0.12');
    expect(goFormatFixed(0.375, 2)).toBe('0.38');
    expect(goFormatFixed(2.5, 0)).toBe('2');
    expect(goFormatFixed(3.5, 0)).toBe('4');
  });
  it('rounds non-ties by the exact binary value (0.1 + 0.2 is just above 0.3)', () => {
    expect(goFormatFixed(1 / 3, 10)).toBe('0.3333333333');
    expect(goFormatFixed(2 / 3, 10)).toBe('0.6666666667');
    expect(goFormatFixed(0.1 + 0.2, 17)).toBe('0.30000000000000004');
    expect(goFormatFixed(1.005, 2)).toBe('1.00'); // 1.005 is stored as 1.00499999999999989...
  });
  it('agrees with toFixed for 1/n except at the one tie n = 2048 (n up to 5000)', () => {
    const differing: number[] = [];
    for (let n = 1; n <= 5000; n++) if (goFormatFixed(1 / n, 10) !== (1 / n).toFixed(10)) differing.push(n);
    expect(differing).toEqual([2048]);
  });
  it('pads and handles integers and tiny values', () => {
    expect(goFormatFixed(1, 10)).toBe('1.0000000000');
    expect(goFormatFixed(0, 3)).toBe('0.000');
    expect(goFormatFixed(5e-324, 3)).toBe('0.000');
    expect(goFormatFixed(12345.678, 1)).toBe('12345.7');
  });
  it('rejects negative, non-finite values and bad precisions', () => {
    expect(() => goFormatFixed(-1, 2)).toThrow(RangeError);
    expect(() => goFormatFixed(Number.NaN, 2)).toThrow(RangeError);
    expect(() => goFormatFixed(1, -1)).toThrow(RangeError);
  });
});
