import { appPod, controlPlaneNode, defineCluster, node } from '../src/model/index.ts';

// Two nodes on one L2 segment; flannel's host-gw backend adds plain routes, no tunnel.
export default defineCluster({
  title: 'Two nodes with flannel (host-gw)',
  description: 'The same addressing as the VXLAN example, but each node routes the other node’s pod CIDR via that node’s IP: no encapsulation.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'host-gw' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [appPod('web-1', '10.244.0.2', 'web')]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [appPod('web-2', '10.244.1.2', 'web'), appPod('client', '10.244.1.3', 'client')]),
  ],
});
