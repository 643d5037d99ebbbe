import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Two dual-stack nodes with flannel host-gw. The IPv6 ranges are kind's defaults
// (pods fd00:10:244::/56, Services fd00:10:96::/112); each node gets a /64 of pods
// (kube-controller-manager --node-cidr-mask-size-ipv6 default).
export default defineCluster({
  title: 'A dual-stack cluster (IPv4 first)',
  description: 'Every node and pod has an IPv4 and an IPv6 address; the web Service asks for both families, the db headless Service keeps the default single family.',
  network: {
    nodeCIDR: '192.168.1.0/24',
    nodeCIDRs: ['192.168.1.0/24', 'fd00:192:168:1::/64'],
    clusterCIDRs: ['10.244.0.0/16', 'fd00:10:244::/56'],
    serviceCIDRs: ['10.96.0.0/16', 'fd00:10:96::/112'],
  },
  plugin: { name: 'flannel', backend: 'host-gw' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      corednsPod('coredns-1', '10.244.0.2', { podIPs: ['10.244.0.2', 'fd00:10:244::2'] }),
      appPod('web-1', '10.244.0.3', 'web', { podIPs: ['10.244.0.3', 'fd00:10:244::3'] }),
      { name: 'node-agent', hostNetwork: true, labels: { app: 'node-agent' } },
    ], { podCIDRs: ['10.244.0.0/24', 'fd00:10:244::/64'], ips: ['192.168.1.11', 'fd00:192:168:1::11'] }),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      appPod('web-2', '10.244.1.2', 'web', { podIPs: ['10.244.1.2', 'fd00:10:244:1::2'] }),
      appPod('db-0', '10.244.1.3', 'db', { podIPs: ['10.244.1.3', 'fd00:10:244:1::3'], hostname: 'db-0', subdomain: 'db' }),
      appPod('client', '10.244.1.4', 'client', { podIPs: ['10.244.1.4', 'fd00:10:244:1::4'] }),
    ], { podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'], ips: ['192.168.1.12', 'fd00:192:168:1::12'] }),
  ],
  services: [
    { name: 'web', selector: { app: 'web' }, ipFamilyPolicy: 'PreferDualStack', ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    { name: 'db', clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'postgres', port: 5432 }] },
  ],
});
