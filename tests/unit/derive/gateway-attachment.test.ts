import { describe, expect, it } from 'vitest';
import { attachedRouteCounts, listenerKinds, namespaceAllowed, referenceGranted, routeParentStatuses } from '../../../src/derive/gateway-attachment.ts';
import { routeGatewayRequest } from '../../../src/derive/gateway-routing.ts';
import { conformanceCluster, INFRA, sameNamespaceGateway } from './gateway-fixture.ts';

const WEB = 'gateway-conformance-web-backend';
const reasons = (cluster: Parameters<typeof routeParentStatuses>[0], route: string) =>
  routeParentStatuses(cluster).filter((s) => s.route.name === route).map((s) => s.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`));

// conformance/tests/httproute-hostname-intersection.yaml and .go (HTTPRouteHostnameIntersection).
describe('HTTPRouteHostnameIntersection', () => {
  const listener = (name: string, hostname: string) => ({ name, port: 80, protocol: 'HTTP' as const, hostname, allowedRoutes: { from: 'Same' as const } });
  const route = (name: string, hostnames: string[], path: string, svc: string) => ({
    name, namespace: INFRA, parentRefs: [{ name: 'httproute-hostname-intersection', namespace: INFRA }], hostnames,
    rules: [{ matches: [{ path: { type: 'PathPrefix' as const, value: path } }], backendRefs: [{ name: svc, port: 8080 }] }],
  });
  const cluster = conformanceCluster({
    gateways: [{ name: 'httproute-hostname-intersection', namespace: INFRA, gatewayClassName: 'conformance', listeners: [listener('listener-1', 'very.specific.com'), listener('listener-2', '*.wildcard.io'), listener('listener-3', '*.anotherwildcard.io')] }],
    httpRoutes: [
      route('specific-host-matches-listener-specific-host', ['non.matching.com', '*.nonmatchingwildcard.io', 'very.specific.com'], '/s1', 'infra-backend-v1'),
      route('specific-host-matches-listener-wildcard-host', ['non.matching.com', 'wildcard.io', 'foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'], '/s2', 'infra-backend-v2'),
      route('wildcard-host-matches-listener-specific-host', ['non.matching.com', '*.specific.com'], '/s3', 'infra-backend-v3'),
      route('wildcard-host-matches-listener-wildcard-host', ['*.anotherwildcard.io'], '/s4', 'infra-backend-v1'),
      route('no-intersecting-hosts', ['specific.but.wrong.com', 'wildcard.io'], '/s5', 'infra-backend-v2'),
    ],
  });
  const gw = `${INFRA}/httproute-hostname-intersection`;
  it('accepts the four intersecting routes and refuses no-intersecting-hosts with NoMatchingListenerHostname', () => {
    expect(reasons(cluster, 'specific-host-matches-listener-specific-host')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']]);
    expect(reasons(cluster, 'no-intersecting-hosts')).toEqual([['Accepted=False/NoMatchingListenerHostname', 'ResolvedRefs=True/ResolvedRefs']]);
  });
  it('counts AttachedRoutes 2, 1, 1', () => {
    expect(attachedRouteCounts(cluster, gw)).toEqual([
      { listener: 'listener-1', attachedRoutes: 2 },
      { listener: 'listener-2', attachedRoutes: 1 },
      { listener: 'listener-3', attachedRoutes: 1 },
    ]);
  });
  const cases: Array<[string, string, string]> = [
    ['very.specific.com', '/s1', 'infra-backend-v1'],
    ['very.specific.com:1234', '/s1', 'infra-backend-v1'],
    ['non.matching.com', '/s1', '404'],
    ['foo.nonmatchingwildcard.io', '/s1', '404'],
    ['foo.wildcard.io', '/s1', '404'],
    ['very.specific.com', '/non-matching-prefix', '404'],
    ['foo.wildcard.io', '/s2', 'infra-backend-v2'],
    ['bar.wildcard.io', '/s2', 'infra-backend-v2'],
    ['foo.bar.wildcard.io', '/s2', 'infra-backend-v2'],
    ['non.matching.com', '/s2', '404'],
    ['wildcard.io', '/s2', '404'],
    ['very.specific.com', '/s2', '404'],
    ['very.specific.com', '/s3', 'infra-backend-v3'],
    ['foo.specific.com', '/s3', '404'],
    ['foo.anotherwildcard.io', '/s4', 'infra-backend-v1'],
    ['foo.bar.anotherwildcard.io', '/s4', 'infra-backend-v1'],
    ['anotherwildcard.io', '/s4', '404'],
    ['specific.but.wrong.com', '/s5', '404'],
    ['wildcard.io', '/s5', '404'],
  ];
  it.each(cases)('%s%s -> %s', (host, path, want) => {
    const d = routeGatewayRequest(cluster, gw, 80, 'HTTPRoute', { host, path });
    const got = d.outcome === 'routed' ? d.backends[0]!.backend.split('/')[1]!.split(':')[0] : d.outcome === 'no listener' ? '404' : d.outcome;
    expect(got).toBe(want);
  });
});

describe('parentRef and backendRef status reasons', () => {
  const webService = { name: 'web-backend', namespace: WEB, clusterIP: '10.96.2.1', selector: { app: 'web-backend' }, ports: [{ name: 'http', port: 8080, targetPort: 3000 }] };
  const base = (extra: object) => conformanceCluster({ gateways: [sameNamespaceGateway], ...extra }, { services: [webService] });
  it('HTTPRouteInvalidParentRefNotMatchingSectionName: NoMatchingParent', () => {
    const c = base({ httpRoutes: [{ name: 'httproute-listener-not-matching-section-name', namespace: INFRA, parentRefs: [{ name: 'same-namespace', sectionName: 'foo' }], rules: [{ backendRefs: [{ name: 'infra-backend-v1', port: 8080 }] }] }] });
    expect(reasons(c, 'httproute-listener-not-matching-section-name')).toEqual([['Accepted=False/NoMatchingParent', 'ResolvedRefs=True/ResolvedRefs']]);
  });
  it('HTTPRouteInvalidCrossNamespaceParentRef: a route from another namespace is NotAllowedByListeners', () => {
    const c = base({ httpRoutes: [{ name: 'invalid-cross-namespace-parent-ref', namespace: WEB, parentRefs: [{ name: 'same-namespace', namespace: INFRA }], rules: [{ backendRefs: [{ name: 'web-backend', port: 8080 }] }] }] });
    expect(reasons(c, 'invalid-cross-namespace-parent-ref')).toEqual([['Accepted=False/NotAllowedByListeners', 'ResolvedRefs=True/ResolvedRefs']]);
  });
  it('HTTPRouteInvalidCrossNamespaceBackendRef: RefNotPermitted without a ReferenceGrant; HTTPRouteReferenceGrant resolves with one', () => {
    const routes = [{ name: 'reference-grant', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [{ name: 'web-backend', namespace: WEB, port: 8080 }] }] }];
    expect(reasons(base({ httpRoutes: routes }), 'reference-grant')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=False/RefNotPermitted']]);
    const grant = { name: 'reference-grant', namespace: WEB, from: [{ kind: 'HTTPRoute' as const, namespace: INFRA }], to: [{ kind: 'Service' as const, name: 'web-backend' }] };
    expect(reasons(base({ httpRoutes: routes, referenceGrants: [grant] }), 'reference-grant')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']]);
    const otherName = { ...grant, to: [{ kind: 'Service' as const, name: 'not-web-backend' }] };
    expect(reasons(base({ httpRoutes: routes, referenceGrants: [otherName] }), 'reference-grant')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=False/RefNotPermitted']]);
  });
  it('BackendNotFound and InvalidKind', () => {
    const c = base({
      httpRoutes: [
        { name: 'missing', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [{ name: 'nonexistent-backend', port: 8080 }] }] },
        { name: 'kind', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [{ kind: 'Wrong', name: 'infra-backend-v1', port: 8080 }] }] },
      ],
    });
    expect(reasons(c, 'missing')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=False/BackendNotFound']]);
    expect(reasons(c, 'kind')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=False/InvalidKind']]);
  });
  it('a listener refuses route kinds its protocol does not carry, and a missing Gateway gets no status', () => {
    const tls = { name: 'tls', namespace: INFRA, gatewayClassName: 'conformance', listeners: [{ name: 'tls', protocol: 'TLS' as const, port: 443, tlsMode: 'Passthrough' as const }] };
    const c = conformanceCluster({
      gateways: [tls],
      httpRoutes: [
        { name: 'http-on-tls', namespace: INFRA, parentRefs: [{ name: 'tls' }], rules: [{ backendRefs: [{ name: 'infra-backend-v1', port: 8080 }] }] },
        { name: 'nowhere', namespace: INFRA, parentRefs: [{ name: 'no-such-gateway' }], rules: [{ backendRefs: [{ name: 'infra-backend-v1', port: 8080 }] }] },
      ],
      tlsRoutes: [{ name: 'tls-ok', namespace: INFRA, parentRefs: [{ name: 'tls' }], hostnames: ['abc.example.com'], rules: [{ backendRefs: [{ name: 'infra-backend-v1', port: 8080 }] }] }],
    });
    expect(reasons(c, 'http-on-tls')).toEqual([['Accepted=False/NotAllowedByListeners', 'ResolvedRefs=True/ResolvedRefs']]);
    expect(reasons(c, 'tls-ok')).toEqual([['Accepted=True/Accepted', 'ResolvedRefs=True/ResolvedRefs']]);
    expect(reasons(c, 'nowhere')).toEqual([[]]);
    expect(listenerKinds({ name: 'h', protocol: 'HTTPS', port: 443, allowedRoutes: { kinds: ['GRPCRoute', 'TLSRoute'] } })).toEqual(['GRPCRoute']);
    expect(routeGatewayRequest(c, `${INFRA}/tls`, 443, 'TLSRoute', { host: 'abc.example.com' }).route).toBe(`TLSRoute ${INFRA}/tls-ok`);
    expect(routeGatewayRequest(c, `${INFRA}/tls`, 443, 'TLSRoute', { host: 'other.example.com' }).outcome).toBe('no route');
  });
  it('namespaces from Selector admit labelled namespaces only', () => {
    const gw = { ...sameNamespaceGateway, listeners: [{ ...sameNamespaceGateway.listeners[0]!, allowedRoutes: { from: 'Selector' as const, selector: { matchLabels: { 'gateway-access': 'yes' } } } }] };
    const route = { name: 'r', namespace: WEB, parentRefs: [{ name: 'same-namespace', namespace: INFRA }], rules: [{ backendRefs: [{ name: 'web-backend', port: 8080 }] }] };
    const without = conformanceCluster({ gateways: [gw], httpRoutes: [route] }, { services: [webService] });
    expect(reasons(without, 'r')[0]![0]).toBe('Accepted=False/NotAllowedByListeners');
    const labelled = conformanceCluster({ gateways: [gw], httpRoutes: [route] }, { services: [webService], namespaces: [{ name: WEB, labels: { 'gateway-access': 'yes' } }] });
    expect(reasons(labelled, 'r')[0]![0]).toBe('Accepted=True/Accepted');
  });
});

describe('namespaceAllowed and referenceGranted', () => {
  const cluster = conformanceCluster({
    gateways: [sameNamespaceGateway],
    httpRoutes: [{ name: 'r', namespace: INFRA, parentRefs: [{ name: 'same-namespace' }], rules: [{ backendRefs: [{ name: 'infra-backend-v1', port: 8080 }] }] }],
    referenceGrants: [{ name: 'g', namespace: WEB, from: [{ kind: 'GRPCRoute', namespace: INFRA }], to: [{ kind: 'Service' }] }],
  }, { namespaces: [{ name: WEB, labels: { team: 'web' } }] });
  const listener = (allowedRoutes: object) => ({ name: 'l', protocol: 'HTTP' as const, port: 80, allowedRoutes });
  it('applies Same (the default), All, None and Selector', () => {
    expect(namespaceAllowed(cluster, { name: 'l', protocol: 'HTTP', port: 80 }, INFRA, INFRA)).toBe(true);
    expect(namespaceAllowed(cluster, { name: 'l', protocol: 'HTTP', port: 80 }, INFRA, WEB)).toBe(false);
    expect(namespaceAllowed(cluster, listener({ from: 'All' }), INFRA, WEB)).toBe(true);
    expect(namespaceAllowed(cluster, listener({ from: 'None' }), INFRA, INFRA)).toBe(false);
    expect(namespaceAllowed(cluster, listener({ from: 'Selector', selector: { matchLabels: { team: 'web' } } }), INFRA, WEB)).toBe(true);
    expect(namespaceAllowed(cluster, listener({ from: 'Selector', selector: { matchLabels: { team: 'web' } } }), INFRA, INFRA)).toBe(false);
  });
  it('grants only the route kind and namespace named in from', () => {
    const api = cluster.gatewayApi!;
    const route = api.routes[0]!;
    expect(referenceGranted(api, route, { name: 'web-backend', namespace: WEB, port: 8080 })).toBe(false);
    expect(referenceGranted(api, { ...route, kind: 'GRPCRoute', rules: [] }, { name: 'web-backend', namespace: WEB, port: 8080 })).toBe(true);
    expect(referenceGranted(api, route, { name: 'infra-backend-v1', port: 8080 })).toBe(true);
  });
});
