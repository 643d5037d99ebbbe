/**
 * Gateway API host names: matching a request host against a (wildcard) host name, and the
 * intersection of a listener's hostname with a route's hostnames.
 *
 * A wildcard `*.example.com` is a suffix match: it matches `test.example.com` and
 * `foo.test.example.com` but not `example.com` (apis/v1 httproute_types.go, Hostnames; the
 * suffix reading since gateway-api PR 1173). When both a listener and a route name hosts, only
 * the route's names that the listener's covers (or the listener's name, when a route wildcard
 * covers it) are used; none left means the route is not accepted (NoMatchingListenerHostname).
 */

/** Whether host name `pattern` (exact, or `*.` + suffix) matches the concrete `host`. */
export function hostnameMatches(pattern: string, host: string): boolean {
  const h = host.toLowerCase();
  const p = pattern.toLowerCase();
  if (!p.startsWith('*.')) return p === h;
  return h.endsWith(p.slice(1)) && h.length > p.length - 1;
}

/** Whether `a` covers every host `b` covers (both may be wildcards). */
function covers(a: string, b: string): boolean {
  if (!a.startsWith('*.')) return a === b;
  return b.startsWith('*.') ? b === a || hostnameMatches(a, b.slice(2)) : hostnameMatches(a, b);
}

/**
 * The host names a route serves on a listener: `undefined` means any host (neither names one);
 * an empty list means the two do not intersect.
 */
export function intersectHostnames(listenerHostname: string | undefined, routeHostnames: readonly string[] | undefined): string[] | undefined {
  const route = routeHostnames ?? [];
  if (listenerHostname === undefined) return route.length ? [...route] : undefined;
  if (route.length === 0) return [listenerHostname];
  const out: string[] = [];
  for (const name of route) {
    const effective = covers(listenerHostname, name) ? name : covers(name, listenerHostname) ? listenerHostname : undefined;
    if (effective !== undefined && !out.includes(effective)) out.push(effective);
  }
  return out;
}

/** How well a host name matched a request: exact beats wildcard, then more characters. */
export interface HostMatch {
  /** The host name (route or listener) that matched. */
  hostname: string;
  /** Whether it is not a wildcard. */
  exact: boolean;
}

/** The most specific of `names` that matches `host`; `undefined` names match any host. */
export function bestHostMatch(names: readonly string[] | undefined, host: string): HostMatch | 'any' | undefined {
  if (names === undefined) return 'any';
  const matching = names.filter((n) => hostnameMatches(n, host));
  if (matching.length === 0) return undefined;
  const exact = matching.find((n) => !n.startsWith('*.'));
  if (exact) return { hostname: exact, exact: true };
  const longest = [...matching].sort((a, b) => b.length - a.length)[0]!;
  return { hostname: longest, exact: false };
}
