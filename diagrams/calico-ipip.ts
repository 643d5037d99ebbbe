import { defineCluster } from '../src/model';

// The calico-bgp cluster with IP-in-IP on: what calico.yaml (CALICO_IPV4POOL_IPIP=Always) sets up.
export default defineCluster({
  name: 'calico-ipip',
  title: 'Three nodes with Calico (IP-in-IP)',
  description: 'The same nodes, blocks and pods as the BGP example, but routes to other nodes’ /26 blocks point into tunl0, which wraps each pod packet in an outer IP header between node IPs (IP protocol 4).',
  // Same addressing as calico-bgp so the two route tables can be compared line by line.
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
  plugin: { name: 'calico', mode: 'ipip' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '172.16.0.0/26',
      controlPlane: true,
      pods: [{ name: 'coredns-1', namespace: 'kube-system', ip: '172.16.0.2', labels: { 'k8s-app': 'kube-dns' } }],
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
