import { describe, expect, it } from 'vitest';
import { findMermaidFences, parseFenceTitle } from '../../../src/integration/mermaid-fences.ts';

describe('findMermaidFences', () => {
  const page = [
    '---', // 1
    'title: x', // 2
    '---', // 3
    '', // 4
    '```mermaid title="Pod to Service"', // 5
    'flowchart LR', // 6
    '  a --> b', // 7
    '```', // 8
    '', // 9
    '````md', // 10
    '```mermaid', // 11  an example inside another fence: not a diagram
    'flowchart LR', // 12
    '```', // 13
    '````', // 14
    '~~~Mermaid', // 15
    'sequenceDiagram', // 16
    '~~~', // 17
    '```js', // 18
    'const x = 1;', // 19
    '```', // 20
  ].join('\n');

  it('finds each mermaid fence with the line its text starts on and its title', () => {
    expect(findMermaidFences(page)).toEqual([
      { code: 'flowchart LR\n  a --> b', line: 6, title: 'Pod to Service' },
      { code: 'sequenceDiagram', line: 16 },
    ]);
  });

  it('takes an unclosed fence to the end of the file, as CommonMark does', () => {
    expect(findMermaidFences('```mermaid\nflowchart LR\n  a-->b')).toEqual([{ code: 'flowchart LR\n  a-->b', line: 2 }]);
  });
});

describe('parseFenceTitle', () => {
  it('reads double- or single-quoted titles with escapes', () => {
    expect(parseFenceTitle('title="A \\"quoted\\" one" other=1')).toBe('A "quoted" one');
    expect(parseFenceTitle("title='single'")).toBe('single');
    expect(parseFenceTitle('subtitle="no"')).toBeUndefined();
    expect(parseFenceTitle(null)).toBeUndefined();
  });
});
