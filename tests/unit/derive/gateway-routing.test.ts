import { describe, expect, it } from 'vitest';
import { routeParentStatuses } from '../../../src/derive/gateway-attachment.ts';
import { httpMatchMatches, routeGatewayRequest, routeMeshRequest } from '../../../src/derive/gateway-routing.ts';
import { conformanceCluster, INFRA, sameNamespaceGateway } from './gateway-fixture.ts';

const gw = `${INFRA}/same-namespace`;
const backendOf = (d: ReturnType<typeof routeGatewayRequest>) => d.backends.map((b) => b.backend.split('/')[1]!.split(':')[0]);

// conformance/tests/httproute-matching-across-routes.yaml and .go (HTTPRouteMatchingAcrossRoutes).
describe('HTTPRouteMatchingAcrossRoutes', () => {
  const cluster = conformanceCluster({
    gateways: [sameNamespaceGateway],
    httpRoutes: [
      {
        name: 'matching-part1', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], hostnames: ['example.com', 'example.net'],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }, { headers: [{ name: 'version', value: 'one' }] }], backendRefs: [{ name: 'infra-backend-v1', port: 8080 }] }],
      },
      {
        name: 'matching-part2', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], hostnames: ['*.com'],
        rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/v2' } }, { headers: [{ name: 'version', value: 'two' }] }], backendRefs: [{ name: 'infra-backend-v2', port: 8080 }] }],
      },
    ],
  });
  const cases: Array<[string, string, Record<string, string>, string]> = [
    ['example.com', '/', {}, 'infra-backend-v1'],
    ['example.com', '/example', {}, 'infra-backend-v1'],
    ['example.net', '/example', {}, 'infra-backend-v1'],
    ['example.com', '/example', { Version: 'one' }, 'infra-backend-v1'],
    ['example.com', '/v2', {}, 'infra-backend-v2'],
    ['example.net', '/v2', {}, 'infra-backend-v1'],
    ['example.com', '/v2/example', {}, 'infra-backend-v2'],
    ['example.com', '/', { Version: 'two' }, 'infra-backend-v2'],
  ];
  it.each(cases)('%s%s %o -> %s', (host, path, headers, want) => {
    const d = routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host, path, headers });
    expect(d.outcome).toBe('routed');
    expect(backendOf(d)).toEqual([want]);
  });
  it('names the deciding criterion', () => {
    expect(routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'example.com', path: '/v2' }).decidedBy).toBe('longest path: /v2 (3 characters) over / (1 character)');
    expect(routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'example.com', path: '/', headers: { version: 'two' } }).decidedBy).toBe('most header matches: 1 header match over 0 header matches');
    expect(routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'example.org', path: '/' }).outcome).toBe('404');
  });
});

// conformance/tests/httproute-path-match-order.yaml and .go (HTTPRoutePathMatchOrder).
describe('HTTPRoutePathMatchOrder', () => {
  const rule = (type: 'Exact' | 'PathPrefix', value: string, svc: string) => ({ matches: [{ path: { type, value } }], backendRefs: [{ name: svc, port: 8080 }] });
  const cluster = conformanceCluster({
    gateways: [sameNamespaceGateway],
    httpRoutes: [{
      name: 'path-matching-order', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }],
      rules: [
        rule('Exact', '/match', 'infra-backend-v1'),
        rule('Exact', '/match/exact', 'infra-backend-v2'),
        rule('Exact', '/match/exact/one', 'infra-backend-v3'),
        rule('PathPrefix', '/match/', 'infra-backend-v3'),
        rule('PathPrefix', '/match/prefix/', 'infra-backend-v1'),
        rule('PathPrefix', '/match/prefix/one', 'infra-backend-v2'),
      ],
    }],
  });
  it.each([
    ['/match/exact/one', 'infra-backend-v3'],
    ['/match/exact', 'infra-backend-v2'],
    ['/match', 'infra-backend-v1'],
    ['/match/prefix/one/any', 'infra-backend-v2'],
    ['/match/prefix/any', 'infra-backend-v1'],
    ['/match/any', 'infra-backend-v3'],
  ])('%s -> %s', (path, want) => {
    expect(backendOf(routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'gw.example.net', path }))).toEqual([want]);
  });
  it('Exact over PathPrefix is the deciding rule for /match', () => {
    expect(routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'gw.example.net', path: '/match' }).decidedBy).toBe('Exact path match over PathPrefix: Exact /match over PathPrefix /match/');
  });
});

describe('tie-breaks across routes', () => {
  const route = (name: string, ns: string, created: string, svc: string) => ({
    name, namespace: ns, creationTimestamp: created, parentRefs: [{ name: 'same-namespace', namespace: INFRA }],
    rules: [{ matches: [{ path: { type: 'PathPrefix' as const, value: '/' } }], backendRefs: [{ name: svc, port: 8080 }] }],
  });
  it('the oldest route wins, then alphabetical namespace/name', () => {
    const gwAll = { ...sameNamespaceGateway, listeners: [{ ...sameNamespaceGateway.listeners[0]!, allowedRoutes: { from: 'All' as const } }] };
    const older = conformanceCluster({ gateways: [gwAll], httpRoutes: [route('b', INFRA, '2026-01-01T00:00:00Z', 'infra-backend-v1'), route('a', INFRA, '2026-02-01T00:00:00Z', 'infra-backend-v2')] });
    const d = routeGatewayRequest(older, gw, 80, 'HTTPRoute', { host: 'x.test', path: '/' });
    expect(backendOf(d)).toEqual(['infra-backend-v1']);
    expect(d.decidedBy).toBe(`oldest route: HTTPRoute ${INFRA}/b was created before HTTPRoute ${INFRA}/a`);
    const same = conformanceCluster({ gateways: [gwAll], httpRoutes: [route('b', INFRA, '2026-01-01T00:00:00Z', 'infra-backend-v1'), route('a', INFRA, '2026-01-01T00:00:00Z', 'infra-backend-v2')] });
    expect(backendOf(routeGatewayRequest(same, gw, 80, 'HTTPRoute', { host: 'x.test', path: '/' }))).toEqual(['infra-backend-v2']);
  });
  it('an exact host name breaks a tie between equal matches', () => {
    const c = conformanceCluster({
      gateways: [sameNamespaceGateway],
      httpRoutes: [
        { ...route('wild', INFRA, '2026-01-01T00:00:00Z', 'infra-backend-v1'), hostnames: ['*.example.com'] },
        { ...route('exact', INFRA, '2026-03-01T00:00:00Z', 'infra-backend-v2'), hostnames: ['shop.example.com'] },
      ],
    });
    const d = routeGatewayRequest(c, gw, 80, 'HTTPRoute', { host: 'shop.example.com', path: '/' });
    expect(backendOf(d)).toEqual(['infra-backend-v2']);
    expect(d.decidedBy).toBe('non-wildcard host name: shop.example.com over *.example.com (not an exact name)');
  });
});

describe('httpMatchMatches', () => {
  it('needs every condition: path elements, method, headers (name case-insensitive), query', () => {
    const m = { path: { type: 'PathPrefix' as const, value: '/api' }, method: 'POST', headers: [{ name: 'X-Canary', value: 'true' }], queryParams: [{ name: 'v', value: '2' }] };
    expect(httpMatchMatches(m, { host: 'h', path: '/api/x', method: 'POST', headers: { 'x-canary': 'true' }, query: { v: '2' } })).toBe(true);
    expect(httpMatchMatches(m, { host: 'h', path: '/apis', method: 'POST', headers: { 'x-canary': 'true' }, query: { v: '2' } })).toBe(false);
    expect(httpMatchMatches(m, { host: 'h', path: '/api', method: 'GET', headers: { 'x-canary': 'true' }, query: { v: '2' } })).toBe(false);
    expect(httpMatchMatches({}, { host: 'h', path: '/anything' })).toBe(true);
  });
});

describe('weights, unresolved backends and GAMMA', () => {
  const cluster = conformanceCluster({
    gateways: [sameNamespaceGateway],
    httpRoutes: [
      { name: 'split', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [{ name: 'infra-backend-v1', port: 8080, weight: 90 }, { name: 'infra-backend-v2', port: 8080, weight: 10 }] }] },
      { name: 'broken', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], hostnames: ['broken.example'], rules: [{ backendRefs: [{ name: 'missing', port: 8080 }] }] },
      { name: 'mesh', namespace: INFRA, parentRefs: [{ kind: 'Service', name: 'infra-backend-v1', port: 8080 }], rules: [{ matches: [{ headers: [{ name: 'version', value: 'v3' }] }], backendRefs: [{ name: 'infra-backend-v3', port: 8080 }] }] },
    ],
  });
  it('splits by weight', () => {
    const d = routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'a.test', path: '/' });
    expect(d.backends.map((b) => b.share)).toEqual([0.9, 0.1]);
  });
  it('answers 500 when no backend of the winning rule resolves', () => {
    expect(routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host: 'broken.example', path: '/' }).outcome).toBe('500');
  });
  it('a Service parent attaches to the Service port it names', () => {
    const mesh = routeParentStatuses(cluster).find((st) => st.route.name === 'mesh')!;
    expect(mesh.parentText).toBe(`Service ${INFRA}/infra-backend-v1:8080`);
    expect(mesh.attached).toEqual([{ listener: 'port 8080 (http)', hostnames: undefined }]);
  });
  it('a Service parent routes mesh traffic to that Service', () => {
    expect(backendOf(routeMeshRequest(cluster, `${INFRA}/infra-backend-v1`, 8080, { host: 'infra-backend-v1', path: '/', headers: { version: 'v3' } }))).toEqual(['infra-backend-v3']);
    expect(routeMeshRequest(cluster, `${INFRA}/infra-backend-v2`, 8080, { host: 'infra-backend-v2', path: '/' }).decidedBy).toBe('no route attached: plain Service load balancing');
  });
});
