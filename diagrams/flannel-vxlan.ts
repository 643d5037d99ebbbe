import { defineCluster } from '../src/model';

// Three nodes on one LAN; flannel's vxlan backend tunnels pod traffic between them.
export default defineCluster({
  name: 'flannel-vxlan',
  title: 'Three nodes with flannel (VXLAN)',
  description: 'Each node gets a /24 of 10.244.0.0/16; pods on different nodes talk through the flannel.1 VXLAN device over UDP 8472.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '10.244.0.0/24',
      controlPlane: true,
      pods: [{ name: 'coredns-1', namespace: 'kube-system', ip: '10.244.0.2', labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default' }],
    },
    {
      name: 'node-2',
      ip: '192.168.1.12',
      podCIDR: '10.244.1.0/24',
      pods: [
        { name: 'web-1', ip: '10.244.1.2', labels: { app: 'web' } },
        { name: 'client', ip: '10.244.1.3', labels: { app: 'client' } },
      ],
    },
    {
      name: 'node-3',
      ip: '192.168.1.13',
      podCIDR: '10.244.2.0/24',
      pods: [
        { name: 'web-2', ip: '10.244.2.2', labels: { app: 'web' } },
        { name: 'coredns-2', namespace: 'kube-system', ip: '10.244.2.3', labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default' },
      ],
    },
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  ],
});
