import { defineCluster } from '../src/model';

// Two nodes on one L2 segment; flannel's host-gw backend adds plain routes, no tunnel.
export default defineCluster({
  name: 'flannel-host-gw',
  title: 'Two nodes with flannel (host-gw)',
  description: 'The same addressing as the VXLAN example, but each node routes the other node’s pod CIDR via that node’s IP: no encapsulation.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'host-gw' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '10.244.0.0/24',
      controlPlane: true,
      pods: [{ name: 'web-1', ip: '10.244.0.2', labels: { app: 'web' } }],
    },
    {
      name: 'node-2',
      ip: '192.168.1.12',
      podCIDR: '10.244.1.0/24',
      pods: [
        { name: 'web-2', ip: '10.244.1.2', labels: { app: 'web' } },
        { name: 'client', ip: '10.244.1.3', labels: { app: 'client' } },
      ],
    },
  ],
});
