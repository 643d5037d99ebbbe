import { appPod, controlPlaneNode, defineCluster, node } from '../src/model/index.ts';

// Three nodes in two zones and three Services that prefer close endpoints: the EndpointSlice
// controller writes zone (and node) hints, and kube-proxy on each node keeps only the endpoints
// hinted for its zone or node, so the same Service gets a different KUBE-SVC chain per zone.
export default defineCluster({
  title: 'Traffic distribution across zones',
  description:
    'node-1 and node-2 in zone-a, node-3 in zone-b; web prefers endpoints in the client zone (PreferSameZone), cache the client node (PreferSameNode), and api has one endpoint, so zone-b falls back to it.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      appPod('web-1', '10.244.0.3', 'web'),
      appPod('cache-1', '10.244.0.4', 'cache'),
    ], { zone: 'zone-a' }),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      appPod('web-2', '10.244.1.3', 'web'),
      appPod('api-1', '10.244.1.4', 'api'),
      appPod('client', '10.244.1.5', 'client'),
    ], { zone: 'zone-a' }),
    node('node-3', '192.168.1.13', '10.244.2.0/24', [
      appPod('web-3', '10.244.2.3', 'web'),
      appPod('cache-3', '10.244.2.4', 'cache'),
    ], { zone: 'zone-b' }),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], trafficDistribution: 'PreferSameZone' },
    { name: 'cache', clusterIP: '10.96.0.30', selector: { app: 'cache' }, ports: [{ name: 'redis', port: 6379 }], trafficDistribution: 'PreferSameNode' },
    { name: 'api', clusterIP: '10.96.0.40', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], trafficDistribution: 'PreferSameZone' },
  ],
});
