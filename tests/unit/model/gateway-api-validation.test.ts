import { describe, expect, it } from 'vitest';
import { isGatewayControllerName, isGatewayHostname } from '../../../src/model/validation/gateway-api.ts';
import { validateCluster, type ClusterInput, type GatewayApiInput } from '../../../src/model/index.ts';
import { BASE_FILE, baseCluster } from '../../fixtures/clusters/base-cluster.ts';

/** The base cluster with a small, valid Gateway API block. */
function withGatewayApi(): ClusterInput & { gatewayApi: Required<GatewayApiInput> } {
  const gatewayApi: Required<GatewayApiInput> = {
    gatewayClasses: [{ name: 'example', controllerName: 'example.com/gateway-controller' }, { name: 'internal', controllerName: 'example.com/internal' }],
    gateways: [{ name: 'public', gatewayClassName: 'example', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }, { name: 'tls', protocol: 'TLS', port: 443, tlsMode: 'Passthrough' }] }],
    httpRoutes: [{ name: 'web', parentRefs: [{ name: 'public' }], hostnames: ['shop.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' }, method: 'GET' }], backendRefs: [{ name: 'web', port: 80 }] }] }],
    grpcRoutes: [],
    tlsRoutes: [{ name: 'db', parentRefs: [{ name: 'public', sectionName: 'tls' }], hostnames: ['db.example.com'], rules: [{ backendRefs: [{ name: 'db', port: 5432 }] }] }],
    referenceGrants: [{ name: 'from-default', namespace: 'shop', from: [{ kind: 'HTTPRoute', namespace: 'default' }], to: [{ kind: 'Service' }] }],
    backendTlsPolicies: [{ name: 'web-tls', targetRefs: [{ kind: 'Service', name: 'web' }], hostname: 'web.internal.example.com', wellKnownCACertificates: 'System' }],
  };
  return { ...baseCluster(), gatewayApi };
}

type Case = [rule: string, path: string, message: string, broken: (c: ReturnType<typeof withGatewayApi>) => void];

const CASES: Case[] = [
  ['controllerName without a path', 'gatewayApi.gatewayClasses[0].controllerName', 'controllerName "example.com" is not a domain-prefixed path', (c) => void (c.gatewayApi.gatewayClasses[0]!.controllerName = 'example.com')],
  ['duplicate GatewayClass', 'gatewayApi.gatewayClasses[1].name', 'GatewayClass example is declared twice', (c) => void (c.gatewayApi.gatewayClasses[1]!.name = 'example')],
  ['GatewayClass name not a subdomain', 'gatewayApi.gatewayClasses[1].name', 'GatewayClass name', (c) => void (c.gatewayApi.gatewayClasses[1]!.name = 'Internal')],
  ['listener protocol', 'gatewayApi.gateways[0].listeners[0].protocol', 'protocol "http" is not one of HTTP, HTTPS, TLS, TCP, UDP', (c) => void ((c.gatewayApi.gateways[0]!.listeners[0] as { protocol: string }).protocol = 'http')],
  ['duplicate listener name', 'gatewayApi.gateways[0].listeners[1].name', 'listener "http" is declared twice in Gateway public', (c) => void (c.gatewayApi.gateways[0]!.listeners[1]!.name = 'http')],
  ['listener hostname with an IP', 'gatewayApi.gateways[0].listeners[0].hostname', 'hostname "10.0.0.1" is not a host name', (c) => void (c.gatewayApi.gateways[0]!.listeners[0]!.hostname = '10.0.0.1')],
  ['certificate on an HTTP listener', 'gatewayApi.gateways[0].listeners[0].certificateRefs', 'certificateRefs is set on a HTTP listener', (c) => void (c.gatewayApi.gateways[0]!.listeners[0]!.certificateRefs = ['shop-example-com'])],
  ['certificate Secret name', 'gatewayApi.gateways[0].listeners[1].certificateRefs[0]', 'Secret name', (c) => void (c.gatewayApi.gateways[0]!.listeners[1]!.certificateRefs = ['Shop_Cert'])],
  ['HTTPS passthrough', 'gatewayApi.gateways[0].listeners[1].tlsMode', 'an HTTPS listener cannot use Passthrough', (c) => void (c.gatewayApi.gateways[0]!.listeners[1]!.protocol = 'HTTPS')],
  ['Selector without selector', 'gatewayApi.gateways[0].listeners[0].allowedRoutes.selector', "from 'Selector' needs a selector", (c) => void (c.gatewayApi.gateways[0]!.listeners[0]!.allowedRoutes = { from: 'Selector' })],
  ['route without parentRefs', 'gatewayApi.httpRoutes[0].parentRefs', 'a route needs at least one parentRef', (c) => void (c.gatewayApi.httpRoutes[0]!.parentRefs = [])],
  ['relative path', 'gatewayApi.httpRoutes[0].rules[0].matches[0].path.value', `path "api" does not start with '/'`, (c) => void (c.gatewayApi.httpRoutes[0]!.rules[0]!.matches![0]!.path!.value = 'api')],
  ['lower-case method', 'gatewayApi.httpRoutes[0].rules[0].matches[0].method', 'method "get" is not one of', (c) => void (c.gatewayApi.httpRoutes[0]!.rules[0]!.matches![0]!.method = 'get')],
  ['wildcard in the middle', 'gatewayApi.httpRoutes[0].hostnames[0]', 'hostname "shop.*.com" is not a host name', (c) => void (c.gatewayApi.httpRoutes[0]!.hostnames = ['shop.*.com'])],
  ['negative weight', 'gatewayApi.httpRoutes[0].rules[0].backendRefs[0].weight', 'weight -1 is not an integer from 0 to 1000000', (c) => void (c.gatewayApi.httpRoutes[0]!.rules[0]!.backendRefs[0]!.weight = -1)],
  ['TLSRoute without hostnames', 'gatewayApi.tlsRoutes[0].hostnames', 'a TLSRoute needs at least one hostname', (c) => void (c.gatewayApi.tlsRoutes[0]!.hostnames = [])],
  ['bad creationTimestamp', 'gatewayApi.tlsRoutes[0].creationTimestamp', 'creationTimestamp "yesterday" is not a time', (c) => void (c.gatewayApi.tlsRoutes[0]!.creationTimestamp = 'yesterday')],
  ['grant to a Secret', 'gatewayApi.referenceGrants[0].to[0].kind', 'kind "Secret" is not Service', (c) => void ((c.gatewayApi.referenceGrants[0]!.to[0] as { kind: string }).kind = 'Secret')],
  ['policy on a missing Service', 'gatewayApi.backendTlsPolicies[0].targetRefs[0].name', 'Service "api" does not exist in namespace default', (c) => void (c.gatewayApi.backendTlsPolicies[0]!.targetRefs[0]!.name = 'api')],
  ['policy with both CA sources', 'gatewayApi.backendTlsPolicies[0].caCertificateRefs', 'set exactly one of caCertificateRefs and wellKnownCACertificates', (c) => void (c.gatewayApi.backendTlsPolicies[0]!.caCertificateRefs = ['web-ca'])],
];

describe('Gateway API validation', () => {
  it('accepts the valid block', () => {
    const result = validateCluster(withGatewayApi(), { file: BASE_FILE });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.cluster?.gatewayApi?.routes.map((r) => `${r.kind} ${r.namespace}/${r.name}`)).toEqual(['HTTPRoute default/web', 'TLSRoute default/db']);
  });

  it.each(CASES)('%s: reports %s', (_rule, path, message, broken) => {
    const input = withGatewayApi();
    broken(input);
    const result = validateCluster(input, { file: BASE_FILE });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toEqual([path]);
    expect(errors[0]!.message).toContain(message);
    expect(errors[0]!.file).toBe(BASE_FILE);
    expect(result.cluster).toBeUndefined();
  });

  it('leaves run-time outcomes to the status: a missing Gateway or backend is not a definition error', () => {
    const input = withGatewayApi();
    input.gatewayApi.httpRoutes[0]!.parentRefs = [{ name: 'no-such-gateway' }];
    input.gatewayApi.httpRoutes[0]!.rules[0]!.backendRefs = [{ name: 'missing', namespace: 'shop', port: 80 }];
    expect(validateCluster(input, { file: BASE_FILE }).cluster).toBeDefined();
  });

  it('checks the shape of the block before anything else', () => {
    const notObject = { ...baseCluster(), gatewayApi: [] } as unknown as ClusterInput;
    expect(validateCluster(notObject, { file: BASE_FILE }).diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual(['gatewayApi: gatewayApi must be an object']);
    const badList = { ...baseCluster(), gatewayApi: { gateways: {}, httproutes: [] } } as unknown as ClusterInput;
    expect(validateCluster(badList, { file: BASE_FILE }).diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([
      'gatewayApi.gateways: gateways must be an array of objects',
      'gatewayApi.httproutes: unknown field "httproutes"',
    ]);
  });

  it('recognises controller names as apis/v1 GatewayController documents them (a domain-prefixed path)', () => {
    expect(['example.com/bar', 'example.com/gateway-controller', 'gateway.envoyproxy.io/gatewayclass-controller'].map(isGatewayControllerName)).toEqual([true, true, true]);
    expect(['example.com', 'foo.example.com', 'Example.com/bar', 'example.com/', `example.com/${'a'.repeat(242)}`, 7].map(isGatewayControllerName)).toEqual([false, false, false, false, false, false]);
    expect(isGatewayControllerName(`example.com/${'a'.repeat(241)}`)).toBe(true);
  });

  it('recognises Gateway API host names', () => {
    expect(['shop.example.com', '*.example.com', 'localhost'].map(isGatewayHostname)).toEqual([true, true, true]);
    expect(['*', '*.', 'Shop.example.com', '1.2.3.4', 'a_b.example.com', 42].map(isGatewayHostname)).toEqual([false, false, false, false, false, false]);
  });

  it('lists the namespaces of Gateway API objects among the cluster namespaces', () => {
    const input = withGatewayApi();
    input.gatewayApi.gateways[0]!.namespace = 'infra';
    input.gatewayApi.httpRoutes[0]!.parentRefs = [{ name: 'public', namespace: 'infra' }];
    const cluster = validateCluster(input, { file: BASE_FILE }).cluster!;
    expect(cluster.namespaces.find((n) => n.name === 'infra')?.labels).toEqual({ 'kubernetes.io/metadata.name': 'infra' });
  });
});
