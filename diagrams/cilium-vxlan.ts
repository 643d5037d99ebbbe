import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Two nodes with Cilium in its default tunnel mode (VXLAN) and kube-proxy replaced by eBPF.
export default defineCluster({
  title: 'Two nodes with Cilium (VXLAN, no kube-proxy)',
  description:
    'Cilium tunnels pod traffic between the nodes through cilium_vxlan (UDP 8472) and implements the Services itself: pods reach web through socket-level load balancing, and no kube-proxy runs.',
  // Cilium's default pool 10.0.0.0/8 contains kubeadm's Service range 10.96.0.0/12, so the pool is narrowed.
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '10.0.0.0/16' },
  plugin: {
    name: 'cilium',
    routingMode: 'tunnel',
    tunnelProtocol: 'vxlan',
    kubeProxyReplacement: true,
    // Cilium's IPAM gives cilium_host whichever address it allocates first; these are examples.
    routerIPs: { 'node-1': '10.0.0.183', 'node-2': '10.0.1.61' },
  },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.0.0.0/24', [corednsPod('coredns-1', '10.0.0.10'), appPod('web-1', '10.0.0.21', 'web')]),
    node('node-2', '192.168.1.12', '10.0.1.0/24', [appPod('client', '10.0.1.15', 'client'), appPod('web-2', '10.0.1.22', 'web')]),
  ],
  services: [
    {
      name: 'web',
      type: 'NodePort',
      clusterIP: '10.96.0.20',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }],
    },
  ],
});
