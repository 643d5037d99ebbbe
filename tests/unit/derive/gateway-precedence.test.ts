import { describe, expect, it } from 'vitest';
import { rank, type Candidate } from '../../../src/derive/gateway-precedence.ts';

const cand = (routeRef: string, ruleIndex: number, values: number[], created?: number): Candidate<string> => ({
  item: `${routeRef}#${ruleIndex}`,
  routeRef,
  ruleIndex,
  ...(created === undefined ? {} : { created }),
  keys: values.map((value, i) => ({ criterion: `key ${i}`, value, shown: `v${value}` })),
});

describe('rank', () => {
  it('orders by the first key that differs, larger first, and names it', () => {
    const r = rank([cand('ns/a', 0, [0, 5]), cand('ns/b', 0, [0, 9])]);
    expect(r.ordered.map((c) => c.item)).toEqual(['ns/b#0', 'ns/a#0']);
    expect(r.decidedBy).toBe('key 1: v9 over v5');
  });
  it('breaks ties across routes by creation time, then by namespace/name', () => {
    expect(rank([cand('ns/a', 0, [1], 200), cand('ns/b', 0, [1], 100)]).decidedBy).toBe('oldest route: ns/b was created before ns/a');
    const alpha = rank([cand('ns/b', 0, [1], 100), cand('ns/a', 0, [1], 100)]);
    expect(alpha.ordered[0]!.item).toBe('ns/a#0');
    expect(alpha.decidedBy).toBe('alphabetical {namespace}/{name}: ns/a before ns/b');
  });
  it('within one route, the first rule wins; matches of one rule do not compete', () => {
    expect(rank([cand('ns/a', 2, [1]), cand('ns/a', 1, [1])]).decidedBy).toBe('first matching rule in list order: rule 2 before rule 3 of ns/a');
    expect(rank([cand('ns/a', 0, [1]), cand('ns/a', 0, [0])]).decidedBy).toBe('the only matching rule');
    expect(rank([]).decidedBy).toBe('no rule matches');
  });
});
