import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveCluster } from '../../../src/model/index.ts';
import { backendTlsPolicyObject, gatewayApiManifest, gatewayApiObject, gatewayClassObject, gatewayObject, grpcRouteObject, httpRouteObject, referenceGrantObject, tlsRouteObject } from '../../../src/derive/gateway-manifest.ts';
import example from '../../../diagrams/ingress-gateway.ts';
import inDepth from '../../../diagrams/gateway-api.ts';

// kubernetes-sigs/gateway-api examples/standard/basic-http.yaml, GatewayClass `example` without its parametersRef
// (which this model does not have).
const BASIC_HTTP_CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: acme.io/gateway-controller
`;

// examples/standard/http-route-attachment/gateway-namespaces.yaml
const GATEWAY_NAMESPACES = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: prod-gateway
  namespace: gateway-api-example-ns1
spec:
  gatewayClassName: foo-lb
  listeners:
  - name: prod-web
    port: 80
    protocol: HTTP
    allowedRoutes:
      kinds:
      - kind: HTTPRoute
      namespaces:
        from: Selector
        selector:
          matchLabels:
            expose-apps: "true"
`;

// examples/standard/simple-http-https/gateway.yaml, listener `https` (certificateRefs name Secrets:
// the model writes the name only, `kind: Secret` being the default).
const HTTPS_LISTENER = `name: https
port: 443
protocol: HTTPS
hostname: "*.example.com"
tls:
  mode: Terminate
  certificateRefs:
  - name: example-com
`;

// examples/standard/reference-grant.yaml, in namespace default.
const REFERENCE_GRANT = `apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata:
  name: allow-prod-traffic
  namespace: default
spec:
  from:
  - group: gateway.networking.k8s.io
    kind: HTTPRoute
    namespace: prod
  to:
  - group: ""
    kind: Service
`;

// examples/standard/backendtlspolicy/backendtlspolicy-ca-certs.yaml and -system-certs.yaml, in namespace default.
const BACKEND_TLS_CA = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: tls-upstream-auth
  namespace: default
spec:
  targetRefs:
    - kind: Service
      name: auth
      group: ""
  validation:
    caCertificateRefs:
      - kind: ConfigMap
        name: auth-cert
        group: ""
    hostname: auth.example.com
`;
const BACKEND_TLS_SYSTEM = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: tls-upstream-dev
  namespace: default
spec:
  targetRefs:
    - kind: Service
      name: dev
      group: ""
  validation:
    wellKnownCACertificates: "System"
    hostname: dev.example.com
`;

// examples/standard/cross-namespace-routing/store-route.yaml
const STORE_ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: store-ns
spec:
  parentRefs:
  - name: shared-gateway
    namespace: infra-ns
  rules:
  - matches:
    - path:
        value: /store
    backendRefs:
    - name: store
      port: 8080
`;

// examples/standard/grpc-routing/foo-grpcroute.yaml, in namespace default.
const FOO_GRPCROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: foo-route
  namespace: default
spec:
  parentRefs:
  - name: example-gateway
  hostnames:
  - "foo.example.com"
  rules:
  - matches:
    - method:
        service: com.example
        method: Login
    backendRefs:
    - name: foo-svc
      port: 50051
`;

// examples/standard/tls-routing/tls-route.yaml, in namespace default.
const FOO_TLSROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: foo-route
  namespace: default
spec:
  parentRefs:
  - name: example-gateway
    sectionName: tls
  hostnames:
  - "foo.example.com"
  rules:
  - backendRefs:
    - name: foo-svc
      port: 443
`;

describe('Gateway API manifests', () => {
  it("writes upstream's GRPCRoute (method match) and TLSRoute (sectionName, backends only) object for object, keys in their order", () => {
    const grpc = grpcRouteObject({
      name: 'foo-route', namespace: 'default', parentRefs: [{ name: 'example-gateway' }], hostnames: ['foo.example.com'],
      rules: [{ matches: [{ method: { service: 'com.example', method: 'Login' } }], backendRefs: [{ name: 'foo-svc', port: 50051 }] }],
    });
    expect(grpc).toEqual(parse(FOO_GRPCROUTE));
    expect(Object.keys(grpc.spec as object)).toEqual(['parentRefs', 'hostnames', 'rules']);
    const tls = tlsRouteObject({ name: 'foo-route', namespace: 'default', parentRefs: [{ name: 'example-gateway', sectionName: 'tls' }], hostnames: ['foo.example.com'], rules: [{ backendRefs: [{ name: 'foo-svc', port: 443 }] }] });
    expect(tls).toEqual(parse(FOO_TLSROUTE));
  });

  it('writes the gateway-api example\'s GRPCRoute and TLSRoute from the definition, each found only under its own kind', () => {
    const cluster = resolveCluster(inDepth, 'gateway-api');
    const catalog = cluster.gatewayApi!.routes.find((r): r is Extract<typeof r, { kind: 'GRPCRoute' }> => r.kind === 'GRPCRoute' && r.name === 'catalog')!;
    const doc = parse(gatewayApiManifest(cluster, 'GRPCRoute', 'shop/catalog'));
    expect(doc.spec.rules.map((r: { matches: unknown }) => r.matches)).toEqual(catalog.rules.map((r) => r.matches));
    expect(doc.spec.hostnames).toEqual(catalog.hostnames);
    const pg = parse(gatewayApiManifest(cluster, 'TLSRoute', 'billing/postgres'));
    expect(pg.spec.parentRefs[0].sectionName).toBe('tls-db');
    expect(pg.spec.rules).toEqual([{ backendRefs: [{ name: 'postgres', port: 5432 }] }]);
    expect(() => gatewayApiObject(cluster, 'TLSRoute', 'shop/catalog')).toThrow('no TLSRoute "shop/catalog"');
  });

  it("writes upstream's basic-http GatewayClass object for object", () => {
    expect(gatewayClassObject({ name: 'example', controllerName: 'acme.io/gateway-controller' })).toEqual(parse(BASIC_HTTP_CLASS));
  });

  it("writes upstream's gateway-namespaces Gateway (Selector, kinds) object for object", () => {
    const gw = gatewayObject({
      name: 'prod-gateway', namespace: 'gateway-api-example-ns1', gatewayClassName: 'foo-lb',
      listeners: [{ name: 'prod-web', port: 80, protocol: 'HTTP', allowedRoutes: { kinds: ['HTTPRoute'], from: 'Selector', selector: { matchLabels: { 'expose-apps': 'true' } } } }],
    });
    expect(gw).toEqual(parse(GATEWAY_NAMESPACES));
  });

  it("writes upstream's HTTPS listener (hostname, tls.mode) and leaves unset fields out", () => {
    const gw = gatewayObject({ name: 'example-gateway', namespace: 'default', gatewayClassName: 'prod', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', tlsMode: 'Terminate', certificateRefs: ['example-com'] }, { name: 'http', protocol: 'HTTP', port: 80 }] });
    const listeners = (gw.spec as { listeners: unknown[] }).listeners;
    expect(listeners[0]).toEqual(parse(HTTPS_LISTENER));
    expect(listeners[1]).toEqual({ name: 'http', protocol: 'HTTP', port: 80 });
  });

  it("writes upstream's cross-namespace store route object for object", () => {
    const route = httpRouteObject({
      name: 'store', namespace: 'store-ns', parentRefs: [{ name: 'shared-gateway', namespace: 'infra-ns' }],
      rules: [{ matches: [{ path: { value: '/store' } }], backendRefs: [{ name: 'store', port: 8080 }] }],
    });
    expect(route).toEqual(parse(STORE_ROUTE));
  });

  it("writes upstream's ReferenceGrant and both BackendTLSPolicy examples object for object", () => {
    expect(referenceGrantObject({ name: 'allow-prod-traffic', namespace: 'default', from: [{ kind: 'HTTPRoute', namespace: 'prod' }], to: [{ kind: 'Service' }] })).toEqual(parse(REFERENCE_GRANT));
    expect(backendTlsPolicyObject({ name: 'tls-upstream-auth', namespace: 'default', targetRefs: [{ kind: 'Service', name: 'auth' }], hostname: 'auth.example.com', caCertificateRefs: ['auth-cert'] })).toEqual(parse(BACKEND_TLS_CA));
    expect(backendTlsPolicyObject({ name: 'tls-upstream-dev', namespace: 'default', targetRefs: [{ kind: 'Service', name: 'dev' }], hostname: 'dev.example.com', wellKnownCACertificates: 'System' })).toEqual(parse(BACKEND_TLS_SYSTEM));
  });

  it('writes validation keys in the order of the upstream examples (CA source, then hostname)', () => {
    const policy = backendTlsPolicyObject({ name: 'p', namespace: 'default', targetRefs: [{ kind: 'Service', name: 'auth' }], hostname: 'auth.example.com', caCertificateRefs: ['auth-cert'] });
    expect(Object.keys((policy.spec as { validation: object }).validation)).toEqual(['caCertificateRefs', 'hostname']);
  });

  it('leaves the server-set creationTimestamp out and keeps weights, sectionName and rule names', () => {
    const route = httpRouteObject({
      name: 'canary', namespace: 'shop', creationTimestamp: '2026-01-10T09:00:00Z', parentRefs: [{ name: 'edge', namespace: 'infra', sectionName: 'http' }],
      rules: [{ name: 'split', backendRefs: [{ name: 'api', port: 80, weight: 90 }, { name: 'api-v2', port: 80, weight: 10 }] }],
    });
    expect(route.metadata).toEqual({ name: 'canary', namespace: 'shop' });
    expect(route.spec).toEqual({
      parentRefs: [{ namespace: 'infra', name: 'edge', sectionName: 'http' }],
      rules: [{ name: 'split', backendRefs: [{ name: 'api', port: 80, weight: 90 }, { name: 'api-v2', port: 80, weight: 10 }] }],
    });
  });

  it('finds every kind in the gateway-api example by namespace/name, as its page shows them', () => {
    const cluster = resolveCluster(inDepth, 'gateway-api');
    const edge = parse(gatewayApiManifest(cluster, 'Gateway', 'infra/edge'));
    expect(edge.spec.listeners.map((l: { name: string }) => l.name)).toEqual(cluster.gatewayApi!.gateways[0]!.listeners.map((l) => l.name));
    expect(edge.spec.listeners[1].tls).toEqual({ certificateRefs: [{ name: 'shop-example-com' }] });
    expect(parse(gatewayApiManifest(cluster, 'ReferenceGrant', 'billing/shop-to-payments')).spec.to).toEqual([{ group: '', kind: 'Service', name: 'payments' }]);
    expect(parse(gatewayApiManifest(cluster, 'BackendTLSPolicy', 'billing/payments-tls')).spec.validation.hostname).toBe('payments.billing.internal');
    expect(gatewayApiObject(cluster, 'HTTPRoute', 'shop/storefront').metadata).toEqual({ name: 'storefront', namespace: 'shop' });
    expect(() => gatewayApiObject(cluster, 'HTTPRoute', 'shop/catalog')).toThrow('no HTTPRoute "shop/catalog"');
  });

  describe('the ingress-gateway example', () => {
    const cluster = resolveCluster(example, 'ingress-gateway');
    const doc = (kind: Parameters<typeof gatewayApiManifest>[1], ref: string) => parse(gatewayApiManifest(cluster, kind, ref));

    it('writes each object as one YAML document that reads back as the object', () => {
      for (const [kind, ref] of [['GatewayClass', 'example'], ['Gateway', 'default/shop-gateway'], ['HTTPRoute', 'default/shop']] as const) {
        expect(doc(kind, ref)).toEqual(gatewayApiObject(cluster, kind, ref));
        expect(doc(kind, ref).apiVersion).toBe('gateway.networking.k8s.io/v1');
      }
    });

    it("takes the GatewayClass's controller and the Gateway's class from the model", () => {
      const gc = cluster.gatewayApi!.gatewayClasses![0]!;
      expect(doc('GatewayClass', gc.name).spec).toEqual({ controllerName: gc.controllerName });
      expect(doc('Gateway', 'shop-gateway').spec.gatewayClassName).toBe(gc.name);
    });

    it('lists listener fields in the order of the upstream examples', () => {
      const listener = doc('Gateway', 'default/shop-gateway').spec.listeners[0];
      expect(Object.keys(listener)).toEqual(['name', 'protocol', 'port', 'allowedRoutes']);
      expect(listener.allowedRoutes).toEqual({ namespaces: { from: 'Same' } });
    });

    it('routes the same host and paths to the same Service ports as the Ingress of the example', () => {
      const route = doc('HTTPRoute', 'default/shop');
      const ingress = cluster.ingresses[0]!;
      expect(route.spec.hostnames).toEqual([...new Set(ingress.rules.map((r) => r.host))]);
      const fromRoute = route.spec.rules.map((r: { matches: Array<{ path: { type: string; value: string } }>; backendRefs: Array<{ name: string; port: number }> }) => `${r.matches[0]!.path.type} ${r.matches[0]!.path.value} -> ${r.backendRefs[0]!.name}:${r.backendRefs[0]!.port}`);
      const fromIngress = ingress.rules.map((r) => `${r.pathType === 'Prefix' ? 'PathPrefix' : r.pathType} ${r.path} -> ${r.backend.service}:${r.backend.port}`);
      expect(fromRoute).toEqual(fromIngress);
    });

    it('throws naming the cluster for an object that is not there', () => {
      expect(() => gatewayApiObject(cluster, 'HTTPRoute', 'shop/shop')).toThrow('Cluster "ingress-gateway" has no HTTPRoute "shop/shop" in gatewayApi.');
      expect(() => gatewayApiObject(cluster, 'GatewayClass', 'other')).toThrow('no GatewayClass "other"');
    });
  });
});
