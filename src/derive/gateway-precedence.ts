/**
 * Ordering candidate route rules for one request, and saying which criterion decided.
 *
 * Each candidate carries numeric keys in precedence order (larger wins), then the route-level
 * tie-breaks every route kind shares (apis/v1 httproute_types.go, grpcroute_types.go): the oldest
 * route by creation timestamp, then `{namespace}/{name}` in alphabetical order, then the first
 * matching rule in list order.
 */

/** One precedence key: its value for a candidate (larger wins) and how to say it decided. */
export interface PrecedenceKey {
  /** Short name of the criterion, e.g. `Exact path match`. */
  criterion: string;
  /** The value; larger wins. */
  value: number;
  /** The value as shown, e.g. `/api/v2 (7 characters)`. */
  shown: string;
}

/** A candidate: a rule (and match) of a route that matches the request. */
export interface Candidate<T> {
  /** What is ranked. */
  item: T;
  /** Keys in precedence order. */
  keys: PrecedenceKey[];
  /** `namespace/name` of the route. */
  routeRef: string;
  /** Route creation time in ms, when known. */
  created?: number;
  /** Index of the rule in its route. */
  ruleIndex: number;
}

/** The winner and the reason it beat the runner-up. */
export interface Ranking<T> {
  /** Candidates, best first. */
  ordered: Array<Candidate<T>>;
  /** Why the first beat the second (or that it was the only match). */
  decidedBy: string;
}

function compareKeys<T>(a: Candidate<T>, b: Candidate<T>): { order: number; reason: string } {
  for (let i = 0; i < a.keys.length; i++) {
    const ka = a.keys[i]!;
    const kb = b.keys[i]!;
    if (ka.value !== kb.value) return { order: kb.value - ka.value, reason: `${ka.criterion}: ${ka.value > kb.value ? ka.shown : kb.shown} over ${ka.value > kb.value ? kb.shown : ka.shown}` };
  }
  if (a.routeRef !== b.routeRef) {
    if (a.created !== undefined && b.created !== undefined && a.created !== b.created) {
      const [older, newer] = a.created < b.created ? [a, b] : [b, a];
      return { order: a.created - b.created, reason: `oldest route: ${older.routeRef} was created before ${newer.routeRef}` };
    }
    const [first, second] = a.routeRef < b.routeRef ? [a, b] : [b, a];
    return { order: a.routeRef < b.routeRef ? -1 : 1, reason: `alphabetical {namespace}/{name}: ${first.routeRef} before ${second.routeRef}` };
  }
  if (a.ruleIndex !== b.ruleIndex) return { order: a.ruleIndex - b.ruleIndex, reason: `first matching rule in list order: rule ${Math.min(a.ruleIndex, b.ruleIndex) + 1} before rule ${Math.max(a.ruleIndex, b.ruleIndex) + 1} of ${a.routeRef}` };
  return { order: 0, reason: 'first matching match of the same rule' };
}

/** Orders candidates by precedence and explains the decision between the two best distinct rules. */
export function rank<T>(candidates: Array<Candidate<T>>): Ranking<T> {
  const ordered = [...candidates].sort((a, b) => compareKeys(a, b).order);
  const [first] = ordered;
  const rival = ordered.find((c) => c.routeRef !== first?.routeRef || c.ruleIndex !== first?.ruleIndex);
  if (!first) return { ordered, decidedBy: 'no rule matches' };
  if (!rival) return { ordered, decidedBy: 'the only matching rule' };
  return { ordered, decidedBy: compareKeys(first, rival).reason };
}
