import { expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRatio, formatRawGzip, renderTable } from '../../../bench/format.ts';

it('formats bytes in SI units', () => {
  expect(formatBytes(0)).toBe('0 B');
  expect(formatBytes(999)).toBe('999 B');
  expect(formatBytes(1000)).toBe('1.0 kB');
  expect(formatBytes(24_696)).toBe('24.7 kB');
  expect(formatBytes(123_456)).toBe('123 kB');
  expect(formatBytes(4_500_000)).toBe('4.5 MB');
  expect(formatRawGzip(24_696, 6_800)).toBe('24.7 kB / 6.8 kB');
});

it('formats durations and ratios', () => {
  expect(formatDuration(850)).toBe('850 ms');
  expect(formatDuration(12_345)).toBe('12.3 s');
  expect(formatDuration(125_000)).toBe('2 min 05 s');
  expect(formatDuration(179_600)).toBe('3 min 00 s'); // not "2 min 60 s"
  expect(formatRatio(30, 10)).toBe('3.00x');
  expect(formatRatio(1, 0)).toBe('-');
});

it('renders a padded Markdown table with aligned columns', () => {
  const table = renderTable(
    [{ header: 'page' }, { header: 'HTML', align: 'right' }],
    [
      ['home', '1.2 kB'],
      ['/dns/name-resolution/', '51.6 kB'],
    ],
    'Weights',
  );
  expect(table).toBe(
    [
      'Weights',
      '',
      '| page                  |    HTML |',
      '| :-------------------- | ------: |',
      '| home                  |  1.2 kB |',
      '| /dns/name-resolution/ | 51.6 kB |',
    ].join('\n'),
  );
  const widths = table.split('\n').slice(2).map((line) => [...line].length);
  expect(new Set(widths).size).toBe(1);
});

it('fills short rows, escapes pipes, flattens newlines and rejects long rows', () => {
  const table = renderTable([{ header: 'a' }, { header: 'b' }], [['x|y'], ['line\nbreak', 'z']]);
  expect(table).toContain('| x\\|y       |     |');
  expect(table).toContain('| line break | z   |');
  expect(() => renderTable([{ header: 'a' }], [['1', '2']])).toThrow(/2 cells but the table has 1 columns/);
});
