import { defineCluster } from '../src/model';

// One node, the reference bridge plugin: every pod plugs into cni0 on the same host.
export default defineCluster({
  name: 'bridge-basics',
  title: 'Single node with the bridge plugin',
  description: 'Three pods on one node, each with a veth pair into the cni0 bridge, and one ClusterIP Service in front of two of them.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'bridge' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '10.244.0.0/24',
      controlPlane: true,
      pods: [
        { name: 'web-1', ip: '10.244.0.2', labels: { app: 'web' } },
        { name: 'web-2', ip: '10.244.0.3', labels: { app: 'web' } },
        { name: 'client', ip: '10.244.0.4', labels: { app: 'client' } },
      ],
    },
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
