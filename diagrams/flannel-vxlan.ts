import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Three nodes on one LAN; flannel's vxlan backend tunnels pod traffic between them.
export default defineCluster({
  title: 'Three nodes with flannel (VXLAN)',
  description: 'Each node gets a /24 of 10.244.0.0/16; pods on different nodes talk through the flannel.1 VXLAN device over UDP 8472.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [corednsPod('coredns-1', '10.244.0.2')]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [appPod('web-1', '10.244.1.2', 'web'), appPod('client', '10.244.1.3', 'client')]),
    node('node-3', '192.168.1.13', '10.244.2.0/24', [appPod('web-2', '10.244.2.2', 'web'), corednsPod('coredns-2', '10.244.2.3')]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
