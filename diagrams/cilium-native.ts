import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// The same two nodes with Cilium's native routing and Helm's default kubeProxyReplacement: false.
export default defineCluster({
  title: 'Two nodes with Cilium (native routing, kube-proxy kept)',
  description:
    'Cilium routes pod traffic unencapsulated with a direct route per node (autoDirectNodeRoutes); kube-proxy still runs, and Cilium balances pod traffic to ClusterIPs per packet on each pod’s veth.',
  network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '10.0.0.0/16' },
  plugin: {
    name: 'cilium',
    routingMode: 'native',
    kubeProxyReplacement: false,
    // Examples of what Cilium's IPAM hands cilium_host.
    routerIPs: { 'node-1': '10.0.0.183', 'node-2': '10.0.1.61' },
  },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.0.0.0/24', [corednsPod('coredns-1', '10.0.0.10'), appPod('web-1', '10.0.0.21', 'web')]),
    node('node-2', '192.168.1.12', '10.0.1.0/24', [appPod('client', '10.0.1.15', 'client'), appPod('web-2', '10.0.1.22', 'web')]),
  ],
  services: [{ name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] }],
});
