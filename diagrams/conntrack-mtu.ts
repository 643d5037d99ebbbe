import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Two nodes with flannel's VXLAN backend: a Service connection, a NodePort connection that kube-proxy
// masquerades, and a DNS query, each leaving conntrack entries on both nodes.
export default defineCluster({
  title: 'Two nodes for conntrack and MTU',
  description: 'A client pod on node-2 reaches web-1 on node-1 through the web Service, an outside client through NodePort 30080, and one of two CoreDNS pods through kube-dns; VXLAN between the nodes leaves pods an MTU of 1450.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      corednsPod('coredns-1', '10.244.0.2'),
      appPod('web-1', '10.244.0.3', 'web', { ports: [{ name: 'http', containerPort: 8080 }] }),
    ]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      corednsPod('coredns-2', '10.244.1.3'),
      appPod('client', '10.244.1.2', 'client'),
      // The same client with glibc's workaround for racing A and AAAA queries.
      appPod('client-reopen', '10.244.1.4', 'client', { dnsConfig: { options: [{ name: 'single-request-reopen' }] } }),
    ]),
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    {
      name: 'web-nodeport',
      type: 'NodePort',
      clusterIP: '10.96.0.30',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }],
    },
  ],
});
