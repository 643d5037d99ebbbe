import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// The calico-bgp cluster with IP-in-IP on: what calico.yaml (CALICO_IPV4POOL_IPIP=Always) sets up.
export default defineCluster({
  title: 'Three nodes with Calico (IP-in-IP)',
  description: 'The same nodes, blocks and pods as the BGP example, but routes to other nodes’ /26 blocks point into tunl0, which wraps each pod packet in an outer IP header between node IPs (IP protocol 4).',
  // Same addressing as calico-bgp so the two route tables can be compared line by line.
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
  plugin: { name: 'calico', mode: 'ipip' },
  nodes: [
    // This example's CoreDNS pod has always run with ClusterFirst (kubeadm's uses Default).
    controlPlaneNode('node-1', '192.168.1.11', '172.16.0.0/26', [corednsPod('coredns-1', '172.16.0.2', { dnsPolicy: 'ClusterFirst' })]),
    node('node-2', '192.168.1.12', '172.16.0.64/26', [appPod('web-1', '172.16.0.66', 'web'), appPod('client', '172.16.0.67', 'client')]),
    node('node-3', '192.168.1.13', '172.16.0.128/26', [appPod('web-2', '172.16.0.130', 'web')]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
