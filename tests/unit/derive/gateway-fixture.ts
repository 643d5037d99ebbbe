/**
 * A small cluster shaped like the Gateway API conformance suite's infrastructure: namespace
 * `gateway-conformance-infra` with Services `infra-backend-v1..v3` on port 8080
 * (kubernetes-sigs/gateway-api conformance/base/manifests.yaml), validated like a definition.
 */
import { formatDiagnostic, validateCluster, type Cluster, type ClusterInput, type GatewayApiInput } from '../../../src/model/index.ts';

export const INFRA = 'gateway-conformance-infra';

const backend = (name: string, ip: string, svcIP: string) => ({
  pod: { name: `${name}-1`, namespace: INFRA, ip, labels: { app: name }, ports: [{ name: 'http', containerPort: 3000 }] },
  service: { name, namespace: INFRA, clusterIP: svcIP, selector: { app: name }, ports: [{ name: 'http', port: 8080, targetPort: 3000 }] },
});

const backends = [backend('infra-backend-v1', '10.244.0.11', '10.96.1.1'), backend('infra-backend-v2', '10.244.0.12', '10.96.1.2'), backend('infra-backend-v3', '10.244.0.13', '10.96.1.3')];

/** The conformance-like cluster with `gatewayApi` (and extra namespaces/services) added. */
export function conformanceCluster(gatewayApi: GatewayApiInput, extra: Partial<ClusterInput> = {}): Cluster {
  const input: ClusterInput = {
    title: 'Gateway conformance',
    description: 'Conformance infrastructure.',
    network: { nodeCIDR: '192.168.1.0/24' },
    plugin: { name: 'flannel', backend: 'vxlan' },
    nodes: [{ name: 'node-1', ip: '192.168.1.11', podCIDR: '10.244.0.0/24', pods: backends.map((b) => b.pod) }],
    ...extra,
    services: [...backends.map((b) => b.service), ...(extra.services ?? [])],
    gatewayApi,
  };
  const result = validateCluster(input, { file: 'diagrams/gateway-conformance.ts' });
  if (!result.cluster) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.cluster;
}

/** conformance/base/manifests.yaml Gateway `same-namespace`: one HTTP listener on 80, routes from its namespace. */
export const sameNamespaceGateway = {
  name: 'same-namespace', namespace: INFRA, gatewayClassName: 'conformance',
  listeners: [{ name: 'http', protocol: 'HTTP' as const, port: 80, allowedRoutes: { from: 'Same' as const } }],
};
