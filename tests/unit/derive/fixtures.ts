/**
 * Literal `Cluster` objects (clusters after defaults) for the derive tests. Written by hand so
 * the tests do not depend on `resolveCluster()`; values follow kubeadm defaults
 * (service CIDR 10.96.0.0/12, kube-dns at 10.96.0.10, cluster.local) and flannel's 10.244.0.0/16.
 */
import type { Cluster, Node, Pod, PluginSpec, Service } from '../../../src/model/types.ts';

function pod(node: string, p: Partial<Pod> & Pick<Pod, 'name' | 'ip'>): Pod {
  return {
    namespace: 'default', labels: {}, hostNetwork: false, dnsPolicy: 'ClusterFirst', ports: [], node, ...p,
  };
}

function node(name: string, ip: string, podCIDR: string, pods: Array<Partial<Pod> & Pick<Pod, 'name' | 'ip'>>, extra: Partial<Node> = {}): Node {
  return {
    name, ip, podCIDR, controlPlane: false,
    resolvConf: { nameservers: ['192.168.1.1'], searches: [] },
    pods: pods.map((p) => pod(name, p)),
    ...extra,
  };
}

const kubeDns: Service = {
  name: 'kube-dns', namespace: 'kube-system', type: 'ClusterIP', clusterIP: '10.96.0.10',
  selector: { 'k8s-app': 'kube-dns' },
  ports: [
    { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
    { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
    { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
  ],
  externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', sessionAffinity: 'None',
};

function svc(s: Partial<Service> & Pick<Service, 'name'>): Service {
  return {
    namespace: 'default', type: 'ClusterIP', ports: [], externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster', sessionAffinity: 'None', ...s,
  };
}

const webPorts = [{ name: 'http', containerPort: 8080, protocol: 'TCP' as const }];

/** A three-node cluster; the plugin is a parameter so route tests can reuse it. */
export function threeNodeCluster(plugin: PluginSpec = { name: 'flannel', backend: 'vxlan' }): Cluster {
  const calico = plugin.name === 'calico';
  // flannel: node i owns 10.244.i.0/24; calico: node i owns the /26 block 192.168.0.(64*i)/26.
  const cidr = (i: number): string => (calico ? `192.168.0.${i * 64}/26` : `10.244.${i}.0/24`);
  const ip = (i: number, host: number): string => (calico ? `192.168.0.${i * 64 + host}` : `10.244.${i}.${host}`);
  return {
    name: 'three-nodes', title: 'Three nodes', description: 'Fixture',
    network: {
      nodeCIDR: '192.168.1.0/24',
      clusterCIDR: calico ? '192.168.0.0/16' : '10.244.0.0/16',
      serviceCIDR: '10.96.0.0/12',
      clusterDomain: 'cluster.local',
    },
    plugin, kubeProxyMode: 'iptables',
    dns: { provider: 'coredns', clusterIP: '10.96.0.10', pods: ['coredns-a', 'coredns-b'], podsMode: 'insecure' },
    namespaces: [
      { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } },
      { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    ],
    nodes: [
      node('cp', '192.168.1.10', cidr(0), [
        { name: 'coredns-a', namespace: 'kube-system', ip: ip(0, 2), labels: { 'k8s-app': 'kube-dns' } },
        { name: 'coredns-b', namespace: 'kube-system', ip: ip(0, 3), labels: { 'k8s-app': 'kube-dns' } },
      ], { controlPlane: true }),
      node('worker-1', '192.168.1.11', cidr(1), [
        { name: 'web-1', ip: ip(1, 5), labels: { app: 'web' }, ports: webPorts },
        { name: 'client', ip: ip(1, 6), labels: { app: 'client' } },
      ]),
      node('worker-2', '192.168.1.12', cidr(2), [
        { name: 'web-2', ip: ip(2, 7), labels: { app: 'web' }, ports: webPorts },
        { name: 'db-0', ip: ip(2, 8), labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' },
        { name: 'node-agent', namespace: 'kube-system', ip: '192.168.1.12', hostNetwork: true },
      ]),
    ],
    services: [
      kubeDns,
      svc({ name: 'web', clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }] }),
      svc({ name: 'web-np', type: 'NodePort', clusterIP: '10.96.100.20', selector: { app: 'web' }, ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }] }),
      svc({ name: 'db', clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'postgres', protocol: 'TCP', port: 5432, targetPort: 5432 }] }),
      svc({ name: 'ext', type: 'ExternalName', externalName: 'example.com', ports: [] }),
    ],
    ingresses: [], networkPolicies: [],
  };
}
