import { appPod, controlPlaneNode, defineCluster } from '../src/model/index.ts';

// One node, the reference bridge plugin: every pod plugs into cni0 on the same host.
export default defineCluster({
  title: 'Single node with the bridge plugin',
  description: 'Three pods on one node, each with a veth pair into the cni0 bridge, and one ClusterIP Service in front of two of them.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'bridge' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      appPod('web-1', '10.244.0.2', 'web'),
      appPod('web-2', '10.244.0.3', 'web'),
      appPod('client', '10.244.0.4', 'client'),
    ]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
