import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Three nodes with Calico in plain BGP mode: no bridge, no tunnel, one /26 block per node.
export default defineCluster({
  title: 'Three nodes with Calico (BGP)',
  description: 'Calico gives each node a /26 block of 172.16.0.0/16 and announces it to the other nodes over BGP; pod traffic is routed without encapsulation.',
  // Calico's default pool 192.168.0.0/16 would overlap the node network, so the pool is set.
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
  plugin: { name: 'calico', mode: 'bgp' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '172.16.0.0/26', [corednsPod('coredns-1', '172.16.0.2')]),
    node('node-2', '192.168.1.12', '172.16.0.64/26', [appPod('web-1', '172.16.0.66', 'web'), appPod('client', '172.16.0.67', 'client')]),
    node('node-3', '192.168.1.13', '172.16.0.128/26', [appPod('web-2', '172.16.0.130', 'web')]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
