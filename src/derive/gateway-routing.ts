/**
 * Which rule and backend serve a request, on a Gateway listener or (GAMMA) on a Service.
 *
 * 1. Listener: among the Gateway's listeners on the request's port, the one whose hostname
 *    matches the host most specifically (exact, then the longest wildcard, then no hostname);
 *    only routes attached to that listener are considered (listener isolation, GEP-1713).
 * 2. Candidates: every rule of an attached route whose host names match the host and one of whose
 *    matches the request satisfies.
 * 3. Precedence (gateway-precedence.ts). HTTPRoute: Exact path over PathPrefix, longer path,
 *    method match, more header matches, more query parameter matches; then the more specific
 *    matching host name (exact over wildcard, then more characters), oldest route, alphabetical
 *    `{namespace}/{name}`, first rule. The spec text puts host names first; the conformance test
 *    HTTPRouteMatchingAcrossRoutes (`*.com` /v2 beats `example.com` /) requires the match criteria
 *    first, so this model follows the test and uses host names to break ties.
 *    GRPCRoute: host name, then characters in the matching service and method, then headers.
 *    TLSRoute: the most specific SNI host name.
 * 4. Backends: each backendRef's share is weight / sum of weights; a backend that does not
 *    resolve gets HTTP 500 for its share, and no matching rule gives 404.
 */
import type { Cluster, GatewayApi, HttpRouteMatchInput, ListenerInput, ResolvedRoute, RouteBackendRefInput } from '../model/types.ts';
import { isParent, referenceGranted, routeParentStatuses } from './gateway-attachment.ts';
import { bestHostMatch, hostnameMatches, type HostMatch } from './gateway-hostnames.ts';
import { rank, type Candidate, type PrecedenceKey } from './gateway-precedence.ts';
import { prefixPathMatches } from './packet-walk.ts';
import { splitRef } from './lookup.ts';

/** A request to route. HTTP and gRPC carry a host; TLS passthrough carries only SNI (`host`). */
export interface GatewayRequest {
  /** Host header, gRPC authority or TLS SNI. */
  host: string;
  /** HTTP path. */
  path?: string;
  /** HTTP method; defaults to GET. */
  method?: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** Query parameters. */
  query?: Record<string, string>;
  /** gRPC service, e.g. `shop.Catalog`. */
  grpcService?: string;
  /** gRPC method, e.g. `GetItem`. */
  grpcMethod?: string;
}

/** One backend of the winning rule. */
export interface BackendShare {
  /** `namespace/name:port`. */
  backend: string;
  /** Share of the rule's requests, 0 to 1. */
  share: number;
  /** Whether it resolves (otherwise its share gets HTTP 500). */
  resolved: boolean;
  /** The BackendTLSPolicy that makes the gateway speak TLS to it, with the SNI host name. */
  tls?: string;
}

/** The outcome for one request. */
export interface RequestDecision {
  /** The request, as text. */
  request: string;
  /** Listener (or Service port) that received it. */
  listener?: string;
  /** `routed`, or why not. */
  outcome: 'routed' | 'no listener' | '404' | 'no route' | '500';
  /** Winning route `kind namespace/name`. */
  route?: string;
  /** 1-based rule number in that route. */
  rule?: number;
  /** Backends of the winning rule. */
  backends: BackendShare[];
  /** The precedence criterion that decided. */
  decidedBy: string;
}

interface Match { ruleIndex: number; backendRefs: RouteBackendRefInput[] }

function describe(req: GatewayRequest, kind: ResolvedRoute['kind']): string {
  if (kind === 'TLSRoute') return `TLS SNI ${req.host}`;
  if (kind === 'GRPCRoute') return `gRPC ${req.host} ${req.grpcService ?? ''}/${req.grpcMethod ?? ''}`;
  const query = Object.entries(req.query ?? {}).map(([k, v]) => `${k}=${v}`).join('&');
  const headers = Object.entries(req.headers ?? {}).map(([k, v]) => ` ${k}: ${v}`).join(',');
  return `${req.method ?? 'GET'} ${req.host}${req.path ?? '/'}${query ? `?${query}` : ''}${headers ? ` (${headers.trim()})` : ''}`;
}

function header(req: GatewayRequest, name: string): string | undefined {
  const entry = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
  return entry?.[1];
}

/** Whether an HTTPRouteMatch matches the request (all its conditions). */
export function httpMatchMatches(match: HttpRouteMatchInput, req: GatewayRequest): boolean {
  const path = req.path ?? '/';
  const p = match.path ?? { type: 'PathPrefix', value: '/' };
  const pathOk = (p.type ?? 'PathPrefix') === 'Exact' ? path === p.value : prefixPathMatches(p.value, path);
  return (
    pathOk &&
    (match.method === undefined || match.method === (req.method ?? 'GET')) &&
    (match.headers ?? []).every((h) => header(req, h.name) === h.value) &&
    (match.queryParams ?? []).every((q) => req.query?.[q.name] === q.value)
  );
}

function hostKeys(host: HostMatch | 'any'): PrecedenceKey[] {
  const exact = host !== 'any' && host.exact;
  const name = host === 'any' ? '(any host)' : host.hostname;
  return [
    { criterion: 'non-wildcard host name', value: exact ? name.length : 0, shown: exact ? name : `${name} (not an exact name)` },
    { criterion: 'longer matching host name', value: host === 'any' ? 0 : name.length, shown: name },
  ];
}

function httpKeys(match: HttpRouteMatchInput, host: HostMatch | 'any'): PrecedenceKey[] {
  const p = match.path ?? { type: 'PathPrefix', value: '/' };
  const exact = (p.type ?? 'PathPrefix') === 'Exact';
  const headers = (match.headers ?? []).length;
  const query = (match.queryParams ?? []).length;
  return [
    { criterion: 'Exact path match over PathPrefix', value: exact ? 1 : 0, shown: `${exact ? 'Exact' : 'PathPrefix'} ${p.value}` },
    { criterion: 'longest path', value: p.value.length, shown: `${p.value} (${p.value.length} character${p.value.length === 1 ? '' : 's'})` },
    { criterion: 'method match', value: match.method ? 1 : 0, shown: match.method ? `method ${match.method}` : 'no method match' },
    { criterion: 'most header matches', value: headers, shown: `${headers} header match${headers === 1 ? '' : 'es'}` },
    { criterion: 'most query param matches', value: query, shown: `${query} query param match${query === 1 ? '' : 'es'}` },
    ...hostKeys(host),
  ];
}

function routeCandidates(route: ResolvedRoute, hostnames: string[] | undefined, req: GatewayRequest, useHost: boolean): Array<Candidate<Match>> {
  const host = useHost ? bestHostMatch(hostnames, req.host) : 'any';
  if (host === undefined) return [];
  const base = { routeRef: `${route.kind} ${route.namespace}/${route.name}`, ...(route.creationTimestamp ? { created: Date.parse(route.creationTimestamp) } : {}) };
  const out: Array<Candidate<Match>> = [];
  route.rules.forEach((rule, ruleIndex) => {
    const item = { ruleIndex, backendRefs: rule.backendRefs };
    if (route.kind === 'TLSRoute') {
      out.push({ ...base, item, ruleIndex, keys: hostKeys(host) });
    } else if (route.kind === 'HTTPRoute') {
      const matches = route.rules[ruleIndex]!.matches?.length ? route.rules[ruleIndex]!.matches! : [{}];
      for (const m of matches.filter((mm) => httpMatchMatches(mm, req))) out.push({ ...base, item, ruleIndex, keys: httpKeys(m, host) });
    } else {
      const matches = route.rules[ruleIndex]!.matches?.length ? route.rules[ruleIndex]!.matches! : [{}];
      for (const m of matches) {
        const ok = (m.method?.service === undefined || m.method.service === req.grpcService) && (m.method?.method === undefined || m.method.method === req.grpcMethod) && (m.headers ?? []).every((h) => header(req, h.name) === h.value);
        if (!ok) continue;
        const svc = m.method?.service ?? '';
        const meth = m.method?.method ?? '';
        const hc = (m.headers ?? []).length;
        out.push({
          ...base, item, ruleIndex,
          keys: [
            ...hostKeys(host),
            { criterion: 'longest matching service', value: svc.length, shown: svc || '(any service)' },
            { criterion: 'longest matching method', value: meth.length, shown: meth || '(any method)' },
            { criterion: 'most header matches', value: hc, shown: `${hc} header match${hc === 1 ? '' : 'es'}` },
          ],
        });
      }
    }
  });
  return out;
}

function shares(cluster: Cluster, api: GatewayApi, route: ResolvedRoute, refs: RouteBackendRefInput[]): BackendShare[] {
  const total = refs.reduce((sum, r) => sum + (r.weight ?? 1), 0);
  return refs.map((ref) => {
    const namespace = ref.namespace ?? route.namespace;
    const service = cluster.services.find((s) => s.namespace === namespace && s.name === ref.name);
    const resolved = (ref.kind ?? 'Service') === 'Service' && referenceGranted(api, route, ref) && !!service?.ports.some((p) => p.port === ref.port);
    const policy = api.backendTlsPolicies.find((p) => p.namespace === namespace && p.targetRefs.some((t) => t.name === ref.name));
    return {
      backend: `${namespace}/${ref.name}:${ref.port}`,
      share: total === 0 ? 0 : (ref.weight ?? 1) / total,
      resolved,
      ...(policy ? { tls: `TLS to the backend (BackendTLSPolicy ${policy.name}, SNI ${policy.hostname})` } : {}),
    };
  });
}

function decide(cluster: Cluster, api: GatewayApi, kind: ResolvedRoute['kind'], request: string, listener: string, routes: Array<{ route: ResolvedRoute; hostnames: string[] | undefined }>, req: GatewayRequest, useHost: boolean): RequestDecision {
  const candidates = routes.flatMap(({ route, hostnames }) => routeCandidates(route, hostnames, req, useHost).map((c) => ({ ...c, item: { ...c.item, route } })));
  const ranking = rank(candidates);
  const best = ranking.ordered[0];
  // HTTP answers 404 (HTTPRouteRule.Matches); a gRPC or TLS client sees no route at all.
  if (!best) return { request, listener, outcome: kind === 'HTTPRoute' ? '404' : 'no route', backends: [], decidedBy: 'no rule of an attached route matches' };
  const backends = shares(cluster, api, best.item.route, best.item.backendRefs);
  const outcome = backends.some((b) => b.resolved && b.share > 0) ? 'routed' : '500';
  return { request, listener, outcome, route: best.routeRef, rule: best.ruleIndex + 1, backends, decidedBy: ranking.decidedBy };
}

function listenerScore(l: ListenerInput, host: string): number {
  if (l.hostname === undefined) return 0;
  if (!hostnameMatches(l.hostname, host)) return -1;
  return l.hostname.startsWith('*.') ? l.hostname.length : 1000 + l.hostname.length;
}

/** Routes a request arriving at Gateway `namespace/name` on `port`. */
export function routeGatewayRequest(cluster: Cluster, gatewayRef: string, port: number, kind: ResolvedRoute['kind'], request_: GatewayRequest): RequestDecision {
  // A port in the Host header is not part of the match (HTTPRouteSpec.Hostnames).
  const req = { ...request_, host: request_.host.replace(/:\d+$/, '') };
  const api = cluster.gatewayApi;
  const [namespace, name] = splitRef(gatewayRef);
  const gateway = api?.gateways.find((g) => g.namespace === namespace && g.name === name);
  if (!api || !gateway) throw new Error(`Cluster "${cluster.name}" has no Gateway "${gatewayRef}".`);
  const request = describe(request_, kind);
  const family = kind === 'TLSRoute' ? ['TLS'] : ['HTTP', 'HTTPS'];
  const listener = gateway.listeners
    .filter((l) => l.port === port && family.includes(l.protocol) && listenerScore(l, req.host) >= 0)
    .sort((a, b) => listenerScore(b, req.host) - listenerScore(a, req.host))[0];
  if (!listener) return { request, outcome: 'no listener', backends: [], decidedBy: `no ${family.join('/')} listener on port ${port} matches ${req.host}` };
  const attached = routeParentStatuses(cluster)
    .filter((s) => s.route.kind === kind && s.conditions[0]?.status === 'True' && isParent(s, 'Gateway', gateway.namespace, gateway.name))
    .flatMap((s) => s.attached.filter((a) => a.listener === listener.name).map((a) => ({ route: s.route, hostnames: a.hostnames })));
  return decide(cluster, api, kind, request, listener.name, attached, req, true);
}

/** Routes an HTTP request sent to Service `namespace/name` on `port` by a mesh (GAMMA) data plane. */
export function routeMeshRequest(cluster: Cluster, serviceRef: string, port: number, req: GatewayRequest): RequestDecision {
  const api = cluster.gatewayApi;
  const [namespace, name] = splitRef(serviceRef);
  const service = cluster.services.find((s) => s.namespace === namespace && s.name === name);
  if (!api || !service) throw new Error(`Cluster "${cluster.name}" has no Service "${serviceRef}".`);
  const request = describe(req, 'HTTPRoute');
  const attached = routeParentStatuses(cluster)
    .filter((s) => s.route.kind === 'HTTPRoute' && s.conditions[0]?.status === 'True' && isParent(s, 'Service', service.namespace, service.name))
    .filter((s) => s.attached.some((a) => a.listener === `port ${port}` || a.listener.startsWith(`port ${port} (`)))
    .map((s) => ({ route: s.route, hostnames: undefined }));
  const listener = `Service ${namespace}/${name} port ${port}`;
  if (attached.length === 0) return { request, listener, outcome: 'routed', backends: [{ backend: `${namespace}/${name}:${port}`, share: 1, resolved: true }], decidedBy: 'no route attached: plain Service load balancing' };
  return decide(cluster, api, 'HTTPRoute', request, listener, attached, req, false);
}
