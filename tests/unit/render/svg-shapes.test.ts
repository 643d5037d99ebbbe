import { describe, expect, it } from 'vitest';
import { roundedBoxOf, simplifyRoughShapes } from '../../../src/render/svg-shapes.ts';

/** A stadium outline the way rough.js samples it: straight top edge first, then many tiny curves. */
function stadium(halfWidth: number, r: number, pad = 60): string {
  let d = `M${-halfWidth} ${-r} C0 ${-r}, 1 ${-r}, ${halfWidth} ${-r}`;
  for (let i = 1; i <= pad; i++) {
    const a = -Math.PI / 2 + (Math.PI * i) / pad;
    d += ` C0 0, 0 0, ${(halfWidth + r * Math.cos(a)).toFixed(1)} ${(r * Math.sin(a)).toFixed(1)}`;
  }
  d += ` C0 ${r}, 0 ${r}, ${-halfWidth} ${r}`;
  for (let i = 1; i <= pad; i++) {
    const a = Math.PI / 2 + (Math.PI * i) / pad;
    d += ` C${-halfWidth} 0, ${-halfWidth} 0, ${(-halfWidth + r * Math.cos(a)).toFixed(1)} ${(r * Math.sin(a)).toFixed(1)}`;
  }
  return d;
}

describe('roundedBoxOf', () => {
  it('reads box and corner radius of a rough.js stadium', () => {
    expect(roundedBoxOf(stadium(50, 17))).toEqual({ x: -67, y: -17, width: 134, height: 34, radius: 17 });
  });

  it('refuses paths that do not start along a straight top edge', () => {
    expect(roundedBoxOf('M0 0 L10 10')).toBeUndefined();
    expect(roundedBoxOf('M-50 -17 C0 -10, 1 -5, 50 0 C60 5, 70 10, 70 17')).toBeUndefined();
  });
});

describe('simplifyRoughShapes', () => {
  it('turns the fill path + stroke path pair into one rect with the same paint', () => {
    const d = stadium(50, 17);
    const svg =
      `<g class="node"><g class="basic label-container outer-path"><path d="${d}" stroke="none" stroke-width="0" fill="#a" style=""></path>` +
      `<path d="${d}" stroke="#b" stroke-width="1.3" fill="none" stroke-dasharray="0 0" style="stroke-dasharray: 4 3"></path></g><text>x</text></g>`;
    expect(simplifyRoughShapes(svg)).toBe(
      '<g class="node"><g class="basic label-container outer-path"><rect x="-67" y="-17" width="134" height="34" rx="17" ry="17" ' +
        'fill="#a" stroke="#b" stroke-width="1.3" style="stroke-dasharray: 4 3"></rect></g><text>x</text></g>',
    );
  });

  it('leaves short paths and other shapes untouched', () => {
    const svg = '<g class="basic label-container"><path d="M0 0 L1 1"></path><path d="M0 0 L1 1"></path></g>';
    expect(simplifyRoughShapes(svg)).toBe(svg);
  });
});
