import { defineCluster } from '../src/model';

// Three nodes with Calico in plain BGP mode: no bridge, no tunnel, one /26 block per node.
export default defineCluster({
  name: 'calico-bgp',
  title: 'Three nodes with Calico (BGP)',
  description: 'Calico gives each node a /26 block of 172.16.0.0/16 and announces it to the other nodes over BGP; pod traffic is routed without encapsulation.',
  // Calico's default pool 192.168.0.0/16 would overlap the node network, so the pool is set.
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
  plugin: { name: 'calico', mode: 'bgp' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '172.16.0.0/26',
      controlPlane: true,
      pods: [{ name: 'coredns-1', namespace: 'kube-system', ip: '172.16.0.2', labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default' }],
    },
    {
      name: 'node-2',
      ip: '192.168.1.12',
      podCIDR: '172.16.0.64/26',
      pods: [
        { name: 'web-1', ip: '172.16.0.66', labels: { app: 'web' } },
        { name: 'client', ip: '172.16.0.67', labels: { app: 'client' } },
      ],
    },
    {
      name: 'node-3',
      ip: '192.168.1.13',
      podCIDR: '172.16.0.128/26',
      pods: [{ name: 'web-2', ip: '172.16.0.130', labels: { app: 'web' } }],
    },
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
