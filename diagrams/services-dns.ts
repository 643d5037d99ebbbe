import { defineCluster } from '../src/model';

// Every kind of Service next to the cluster DNS that names them.
export default defineCluster({
  name: 'services-dns',
  title: 'Services and cluster DNS',
  description: 'A ClusterIP, a headless Service with stable pod names, a NodePort and an ExternalName Service, with two CoreDNS pods behind kube-dns at 10.96.0.10.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    {
      name: 'node-1',
      ip: '192.168.1.11',
      podCIDR: '10.244.0.0/24',
      controlPlane: true,
      pods: [
        { name: 'coredns-1', namespace: 'kube-system', ip: '10.244.0.2', labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default' },
        { name: 'web-1', ip: '10.244.0.3', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] },
        { name: 'db-0', ip: '10.244.0.4', labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' },
      ],
    },
    {
      name: 'node-2',
      ip: '192.168.1.12',
      podCIDR: '10.244.1.0/24',
      pods: [
        { name: 'coredns-2', namespace: 'kube-system', ip: '10.244.1.2', labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default' },
        { name: 'web-2', ip: '10.244.1.3', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] },
        { name: 'db-1', ip: '10.244.1.4', labels: { app: 'db' }, hostname: 'db-1', subdomain: 'db' },
        { name: 'client', ip: '10.244.1.5', labels: { app: 'client' } },
      ],
    },
  ],
  services: [
    { name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    { name: 'db', clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'postgres', port: 5432 }] },
    {
      name: 'web-nodeport',
      type: 'NodePort',
      clusterIP: '10.96.0.30',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }],
    },
    { name: 'payments', type: 'ExternalName', externalName: 'api.payments.example.com' },
  ],
});
