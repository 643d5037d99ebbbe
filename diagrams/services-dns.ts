import { appPod, controlPlaneNode, corednsPod, defineCluster, node } from '../src/model/index.ts';

// Every kind of Service next to the cluster DNS that names them.
export default defineCluster({
  title: 'Services and cluster DNS',
  description: 'A ClusterIP, a headless Service with stable pod names, a NodePort and an ExternalName Service, with two CoreDNS pods behind kube-dns at 10.96.0.10.',
  network: { nodeCIDR: '192.168.1.0/24' },
  plugin: { name: 'flannel', backend: 'vxlan' },
  nodes: [
    controlPlaneNode('node-1', '192.168.1.11', '10.244.0.0/24', [
      corednsPod('coredns-1', '10.244.0.2'),
      appPod('web-1', '10.244.0.3', 'web', { ports: [{ name: 'http', containerPort: 8080 }] }),
      appPod('db-0', '10.244.0.4', 'db', { hostname: 'db-0', subdomain: 'db' }),
    ]),
    node('node-2', '192.168.1.12', '10.244.1.0/24', [
      corednsPod('coredns-2', '10.244.1.2'),
      appPod('web-2', '10.244.1.3', 'web', { ports: [{ name: 'http', containerPort: 8080 }] }),
      appPod('db-1', '10.244.1.4', 'db', { hostname: 'db-1', subdomain: 'db' }),
      appPod('client', '10.244.1.5', 'client'),
    ]),
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
