import { appPod, controlPlaneNode, defineCluster, node } from '../src/model/index.ts';

// Two nodes with flannel's wireguard backend: pod traffic between them is encrypted by flannel-wg.
export default defineCluster({
  title: 'Two nodes with flannel (WireGuard)',
  description: 'Each node gets a /24 of 10.244.0.0/16; pod traffic between nodes is encrypted by the flannel-wg WireGuard device and sent over UDP 51820.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'wireguard' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [appPod('web-1', '10.244.0.3', 'web')]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [appPod('client', '10.244.1.2', 'client')]),
  ],
});
