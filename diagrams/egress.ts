import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Traffic that crosses the cluster's edge: a Service without a selector whose hand-written
// EndpointSlice names a database outside the cluster, a Service with an external IP, and an
// ExternalName Service; flannel masquerades pod traffic that leaves the pod network.
export default defineCluster({
  title: 'Egress and Services without selectors',
  description: 'orders-db has no selector: an EndpointSlice written by hand sends it to a database at 192.168.10.50, outside the cluster. web also answers on the external IP 192.168.1.200. Pod traffic leaving the pod network is masqueraded to the node IP.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      corednsPod('coredns-1', '10.244.0.2'),
      appPod('shop', '10.244.0.3', 'shop'),
    ]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      appPod('web-1', '10.244.1.2', 'web'),
    ]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], externalIPs: ['192.168.1.200'] },
    { name: 'orders-db', clusterIP: '10.96.0.40', ports: [{ name: 'postgres', port: 5432 }] },
    { name: 'payments', type: 'ExternalName', externalName: 'api.payments.example.com' },
  ],
  endpointSlices: [
    {
      name: 'orders-db-1',
      service: 'orders-db',
      managedBy: 'staff',
      ports: [{ name: 'postgres', port: 5432 }],
      endpoints: [{ addresses: ['192.168.10.50'] }],
    },
  ],
});
