import { describe, expect, it } from 'vitest';
import { gatewayApiNamespaces, resolveGatewayApi } from '../../../src/model/gateway-api-defaults.ts';

describe('resolveGatewayApi', () => {
  it('defaults namespaces to default and lists routes of every kind, tagged, in kind order', () => {
    const api = resolveGatewayApi({
      tlsRoutes: [{ name: 't', namespace: 'db', parentRefs: [{ name: 'gw' }], hostnames: ['a.example.com'], rules: [{ backendRefs: [] }] }],
      httpRoutes: [{ name: 'h', parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [] }] }],
      grpcRoutes: [{ name: 'g', namespace: 'shop', parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [] }] }],
      gateways: [{ name: 'gw', namespace: 'infra', gatewayClassName: 'c', listeners: [] }],
    });
    expect(api.routes.map((r) => `${r.kind} ${r.namespace}/${r.name}`)).toEqual(['HTTPRoute default/h', 'GRPCRoute shop/g', 'TLSRoute db/t']);
    expect(gatewayApiNamespaces(api)).toEqual(['infra', 'default', 'shop', 'db']);
  });
  it('keeps GatewayClasses as declared (cluster-scoped: no namespace) and out of the namespace list', () => {
    const api = resolveGatewayApi({ gatewayClasses: [{ name: 'example', controllerName: 'example.com/gateway-controller' }] });
    expect(api.gatewayClasses).toEqual([{ name: 'example', controllerName: 'example.com/gateway-controller' }]);
    expect(gatewayApiNamespaces(api)).toEqual([]);
  });
  it('treats an absent block as empty', () => {
    expect(resolveGatewayApi(undefined)).toEqual({ gatewayClasses: [], gateways: [], routes: [], referenceGrants: [], backendTlsPolicies: [] });
  });
});
