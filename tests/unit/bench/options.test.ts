import { expect, it } from 'vitest';
import { DEFAULT_SIZES, parseOptions, parseSizes, QUICK_SIZES } from '../../../bench/options.ts';

it('defaults to a full run with 100/300/1000 pages', () => {
  const options = parseOptions([]);
  expect(options).toMatchObject({ skipBuild: false, quick: false, scaleOnly: false, keepWorkdir: false });
  expect(options.sizes).toEqual(DEFAULT_SIZES);
  expect(options.sizes.map((s) => s.pages)).toEqual([100, 300, 1000]);
  expect(options.sizes.at(-1)!.diagrams).toBe(300);
});

it('reads flags and values', () => {
  expect(parseOptions(['--quick']).sizes).toEqual(QUICK_SIZES);
  expect(parseOptions(['--skip-build']).skipBuild).toBe(true);
  expect(parseOptions(['--scale-only', '--sizes', '10:2,20']).sizes).toEqual([
    { pages: 10, diagrams: 2 },
    { pages: 20, diagrams: 6 },
  ]);
  expect(parseOptions(['--workdir=/tmp/x']).workdir).toBe('/tmp/x');
  expect(parseOptions(['--workdir', '/tmp/y', '--keep-workdir']).keepWorkdir).toBe(true);
  expect(parseOptions([]).lighthouse).toBe(true);
  expect(parseOptions(['--no-lighthouse']).lighthouse).toBe(false);
});

it('explains bad input', () => {
  expect(() => parseOptions(['--fast'])).toThrow(/unknown option --fast/);
  expect(() => parseOptions(['--workdir'])).toThrow(/--workdir needs a value/);
  expect(() => parseOptions(['--skip-build', '--scale-only'])).toThrow(/exclude each other/);
  expect(() => parseSizes('100:x')).toThrow(/not pages or pages:diagrams/);
  expect(() => parseSizes('0')).toThrow(/at least one page/);
});
