import { controlPlaneNode, corednsPod, defineCluster } from '../src/model/index.ts';

// One pod per dnsPolicy (and two dnsConfig variants) on a node whose own resolver has a search domain,
// so each pod's /etc/resolv.conf shows what its policy takes from the cluster and what from the node.
export default defineCluster({
  title: 'DNS policies side by side',
  description:
    'One node whose /etc/resolv.conf names the LAN resolver 192.168.1.1 and the search domain corp.example.com, running a CoreDNS pod and one pod for each dnsPolicy: ClusterFirst, Default, ClusterFirstWithHostNet, None, a hostNetwork pod left on ClusterFirst, and a ClusterFirst pod with ndots lowered to 2.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode(
      'node-1',
      '192.168.1.11',
      '10.244.0.0/24',
      [
        // kubeadm's CoreDNS Deployment sets dnsPolicy: Default, so CoreDNS forwards to the node's resolver.
        corednsPod('coredns-1', '10.244.0.2'),
        // dnsPolicy left out: ClusterFirst.
        { name: 'cluster-first', ip: '10.244.0.3' },
        { name: 'node-default', ip: '10.244.0.4', dnsPolicy: 'Default' },
        // hostNetwork with ClusterFirst falls back to the node's resolver (kubelet getPodDNSType).
        { name: 'hostnet', hostNetwork: true },
        { name: 'hostnet-cluster', hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' },
        {
          name: 'custom',
          ip: '10.244.0.5',
          dnsPolicy: 'None',
          dnsConfig: {
            nameservers: ['10.96.0.10'],
            searches: ['default.svc.cluster.local', 'svc.cluster.local'],
            options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
          },
        },
        { name: 'ndots-2', ip: '10.244.0.6', dnsConfig: { options: [{ name: 'ndots', value: '2' }] } },
      ],
      // What kubelet's resolvConf file says on this node (a DHCP-provided resolver and search domain).
      { resolvConf: { nameservers: ['192.168.1.1'], searches: ['corp.example.com'] } },
    ),
  ],
  services: [],
});
