import { describe, expect, it } from 'vitest';
import { formatIssue, importCluster } from '../../../src/import/index.ts';
import { formatLocatedDiagnostic, locate, locateDiagnostic, type SourceMap } from '../../../src/import/source-map.ts';

type Json = Record<string, unknown>;

const nodeItem = (name: string, ip: string, podCIDR?: string): Json => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan' } },
  spec: podCIDR ? { podCIDR, podCIDRs: [podCIDR] } : {},
  status: { addresses: [{ type: 'InternalIP', address: ip }] },
});
const podItem = (name: string, nodeName: string, ip: string, labels: Json = { app: 'web' }, namespace = 'default'): Json => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"password":"hunter2"}' } },
  spec: { nodeName, containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
  status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
});
const serviceItem = (name: string, clusterIP: string, namespace = 'default', extra: Json = {}): Json => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace },
  spec: { clusterIP, clusterIPs: [clusterIP], selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], type: 'ClusterIP', ...extra },
});
const list = (items: Json[]): string => JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items }, null, 2);

function twelveGoodItems(): Json[] {
  return [
    nodeItem('node-1', '192.168.1.11', '10.244.0.0/24'),
    nodeItem('node-2', '192.168.1.12', '10.244.1.0/24'),
    podItem('web-1', 'node-1', '10.244.0.5'),
    podItem('web-2', 'node-2', '10.244.1.5'),
    podItem('api-1', 'node-2', '10.244.1.6', { app: 'api' }),
    podItem('coredns-1', 'node-1', '10.244.0.2', { 'k8s-app': 'kube-dns' }, 'kube-system'),
    serviceItem('kubernetes', '10.96.0.1', 'default', { selector: undefined, ports: [{ name: 'https', port: 443, targetPort: 6443 }] }),
    serviceItem('kube-dns', '10.96.0.10', 'kube-system', { selector: { 'k8s-app': 'kube-dns' }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }] }),
    serviceItem('web', '10.96.5.5'),
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { team: 'web' } } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: 'aHVudGVyMg==' }, stringData: { token: 'hunter2' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { key: 'hunter2' } },
  ];
}

describe('importCluster', () => {
  it('locates a bad field as items[12].spec.clusterIP and still imports the rest', () => {
    const items = [...twelveGoodItems(), serviceItem('broken', '10.96.999.1')];
    const r = importCluster(list(items));
    expect(r.errors.map(formatIssue)).toEqual(['items[12].spec.clusterIP: ClusterIP "10.96.999.1" is not an IPv4 address; it was left out (the model allocates a free one)']);
    expect(r.cluster.nodes.map((n) => [n.name, n.pods?.map((p) => p.name)])).toEqual([
      ['node-1', ['web-1', 'coredns-1']],
      ['node-2', ['web-2', 'api-1']],
    ]);
    expect(r.cluster.services?.map((s) => [s.name, s.clusterIP])).toEqual([
      ['web', '10.96.5.5'],
      ['broken', undefined],
    ]);
    expect(r.counts).toEqual({ nodes: 2, pods: 4, services: 4, endpointSlices: 0, networkPolicies: 0, namespaces: 1 });
  });

  it('validates the result with the model and resolves it', () => {
    const r = importCluster(list(twelveGoodItems()));
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.resolved?.name).toBe('imported');
    expect(r.resolved?.dns).toEqual({ provider: 'coredns', clusterIP: '10.96.0.10', pods: ['coredns-1'], podsMode: 'insecure' });
    expect(r.resolved?.network).toEqual({ nodeCIDR: '192.168.1.0/24', clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12', clusterDomain: 'cluster.local' });
    expect(r.resolved?.namespaces.find((n) => n.name === 'default')?.labels).toEqual({ team: 'web', 'kubernetes.io/metadata.name': 'default' });
    expect(r.plugin.spec).toEqual({ name: 'flannel', backend: 'vxlan' });
  });

  it('never carries Secrets, ConfigMaps or annotation values', () => {
    const r = importCluster(list(twelveGoodItems()));
    expect(r.ignored).toEqual({ Secret: 1, ConfigMap: 1 });
    const text = JSON.stringify(r);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('aHVudGVyMg');
  });

  it('keeps the first copy of an object pasted twice', () => {
    const first = list(twelveGoodItems());
    const r = importCluster([
      { name: 'a.json', text: first },
      { name: 'b.yaml', text: 'kind: Service\napiVersion: v1\nmetadata: {name: web, namespace: default}\nspec: {clusterIP: 10.96.7.7, ports: [{port: 80}]}\n' },
    ]);
    expect(r.cluster.services?.find((s) => s.name === 'web')?.clusterIP).toBe('10.96.5.5');
    expect(r.warnings.map(formatIssue)).toContain('b.yaml: Service default/web appears again (first at a.json: items[8]); this copy was left out');
  });

  it('warns about pods on nodes missing from the paste, and infers a missing pod CIDR', () => {
    const r = importCluster(list([nodeItem('node-1', '10.0.0.5'), podItem('a', 'node-1', '10.128.2.7'), podItem('b', 'node-1', '10.128.2.9'), podItem('c', 'node-9', '10.128.4.2')]));
    expect(r.cluster.nodes[0]?.podCIDR).toBe('10.128.2.0/24');
    expect(r.warnings.map(formatIssue)).toEqual([
      'items[3]: pod default/c was left out: its node node-9 is not in the paste',
      'items[0]: Node node-1 has no spec.podCIDR; 10.128.2.0/24 is inferred from its 2 pod IPs (the plugin allocates the real range itself)',
    ]);
  });

  it('takes the reader’s plugin, ranges, kube-proxy mode and name', () => {
    const r = importCluster(list(twelveGoodItems()), {
      plugin: { name: 'calico', mode: 'vxlan' },
      network: { nodeCIDR: '192.168.0.0/16', clusterCIDR: '10.244.0.0/16', clusterDomain: 'corp.local' },
      kubeProxyMode: 'nftables',
      name: 'my-cluster',
      title: 'Mine',
    });
    expect(r.plugin).toMatchObject({ spec: { name: 'calico', mode: 'vxlan' }, basis: 'override', detected: 'flannel' });
    expect(r.cluster).toMatchObject({ title: 'Mine', kubeProxyMode: 'nftables', network: { nodeCIDR: '192.168.0.0/16', clusterDomain: 'corp.local' } });
    expect(r.resolved?.name).toBe('my-cluster');
    expect(r.assumptions.some((a) => a.startsWith('kube-proxy mode'))).toBe(false);
  });

  it('locates the model’s validation findings in the paste', () => {
    const items = twelveGoodItems();
    items[3] = podItem('web-2', 'node-2', '10.244.0.9');
    const r = importCluster(list(items));
    const finding = r.validation.find((d) => d.path === 'nodes[1].pods[0].ip');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe('10.244.0.9 is outside node-2\'s podCIDR 10.244.1.0/24');
    expect(finding?.source).toEqual({ path: 'items[3].status.podIP' });
    expect(r.resolved).toBeUndefined();
  });

  it('reports text that is no Kubernetes output at all', () => {
    const r = importCluster('hello');
    expect(r.errors.map(formatIssue)).toEqual(['the document on line 1 is not a Kubernetes object or list; it was left out']);
    expect(r.validation.map((d) => d.path)).toContain('nodes');
  });
  it('keeps DNS-subdomain names of nodes and pods (dots allowed, as ValidateNodeName and ValidatePodName do)', () => {
    const items = [nodeItem('ip-192-168-1-11.ec2.internal', '192.168.1.11', '10.244.0.0/24'), podItem('web.v1-0', 'ip-192-168-1-11.ec2.internal', '10.244.0.5')];
    const r = importCluster(list(items));
    expect(r.validation.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(r.resolved?.nodes.map((n) => [n.name, n.pods.map((p) => p.name)])).toEqual([['ip-192-168-1-11.ec2.internal', ['web.v1-0']]]);
    // An upper-case name is no DNS subdomain: validation says so, located at the object's name.
    const bad = importCluster(list([nodeItem('Node_A', '192.168.1.11', '10.244.0.0/24')]));
    expect(bad.validation.filter((d) => d.severity === 'error').map((d) => `${d.source?.path}: ${d.message}`)[0]).toMatch(/^items\[0\]\.metadata\.name: /);
  });
});

describe('source map', () => {
  const map: SourceMap = {
    nodes: [{ at: { source: 'n.json', path: 'items[0]' }, pods: [{ source: 'p.json', path: 'items[4]' }] }],
    services: [{ path: 'items[7]' }],
    networkPolicies: [{ path: 'items[9]' }],
    namespaces: [{ path: 'items[1]' }],
    dns: { path: 'items[8]' },
  };

  it('translates model paths to the API fields they were read from', () => {
    expect(locate('nodes[0].pods[0].ip', map)).toEqual({ source: 'p.json', path: 'items[4].status.podIP' });
    expect(locate('nodes[0].pods[0].ports[2].name', map)).toEqual({ source: 'p.json', path: 'items[4].spec.containers' });
    expect(locate('nodes[0].podCIDR', map)).toEqual({ source: 'n.json', path: 'items[0].spec.podCIDR' });
    expect(locate('services[0].ports[1].nodePort', map)).toEqual({ path: 'items[7].spec.ports[1].nodePort' });
    expect(locate('services[0].name', map)).toEqual({ path: 'items[7].metadata.name' });
    expect(locate('networkPolicies[0].ingress[0].from[1].ipBlock.cidr', map)).toEqual({ path: 'items[9].spec.ingress[0].from[1].ipBlock.cidr' });
    expect(locate('dns.clusterIP', map)).toEqual({ path: 'items[8].spec.clusterIP' });
    expect(locate('network.serviceCIDR', map)).toBeUndefined();
    expect(locate('services[5].name', map)).toBeUndefined();
  });

  it('locates the dual-stack fields and ClusterNetworkPolicies', () => {
    const withPolicies: SourceMap = { ...map, clusterNetworkPolicies: [{ path: 'items[11]' }] };
    expect(locate('nodes[0].pods[0].podIPs[1]', map)).toEqual({ source: 'p.json', path: 'items[4].status.podIPs[1]' });
    expect(locate('nodes[0].podCIDRs[1]', map)).toEqual({ source: 'n.json', path: 'items[0].spec.podCIDRs[1]' });
    // A node's ips are its InternalIPs, not status.addresses by index.
    expect(locate('nodes[0].ips[1]', map)).toEqual({ source: 'n.json', path: 'items[0].status.addresses' });
    expect(locate('services[0].clusterIPs[1]', map)).toEqual({ path: 'items[7].spec.clusterIPs[1]' });
    expect(locate('dns.clusterIPs[1]', map)).toEqual({ path: 'items[8].spec.clusterIPs[1]' });
    expect(locate('clusterNetworkPolicies[0].egress[2].to[0].networks[0]', withPolicies)).toEqual({ path: 'items[11].spec.egress' });
    expect(locate('clusterNetworkPolicies[0].name', withPolicies)).toEqual({ path: 'items[11].metadata.name' });
    expect(locate('clusterNetworkPolicies[0]', withPolicies)).toEqual({ path: 'items[11]' });
  });

  it('formats a finding at its place in the paste, else at its model path', () => {
    const d = { file: 'imported', path: 'services[0].clusterIP', message: 'm', hint: 'h', severity: 'warning' as const, source: { source: 's.json', path: 'items[7].spec.clusterIP' } };
    expect(formatLocatedDiagnostic(d)).toBe('s.json: items[7].spec.clusterIP: warning: m (hint: h)');
    expect(formatLocatedDiagnostic({ file: 'imported', path: 'network.serviceCIDR', message: 'm', hint: 'h', severity: 'error' })).toBe('network.serviceCIDR: m (hint: h)');
  });

  it('adds the place to a diagnostic, or leaves it without one', () => {
    const d = { file: 'imported', path: 'services[0].clusterIP', message: 'm', hint: 'h', severity: 'error' as const };
    expect(locateDiagnostic(d, map).source).toEqual({ path: 'items[7].spec.clusterIP' });
    expect(locateDiagnostic({ ...d, path: 'network.nodeCIDR' }, map)).toEqual({ ...d, path: 'network.nodeCIDR' });
  });
});

describe('importCluster edge cases', () => {
  it('does not take two nameless objects for copies of each other', () => {
    const r = importCluster(list([{ kind: 'Pod', metadata: {} }, { kind: 'Pod', metadata: {} }]));
    expect(r.errors.map(formatIssue)).toEqual(['items[0].metadata.name: a Pod without a name was left out', 'items[1].metadata.name: a Pod without a name was left out']);
    expect(r.warnings).toEqual([]);
  });

  it('warns when a hostNetwork pod reports another IP than its node’s', () => {
    const host = { ...podItem('agent', 'node-1', '192.168.1.99'), spec: { nodeName: 'node-1', hostNetwork: true, containers: [] } };
    const r = importCluster(list([nodeItem('node-1', '192.168.1.11', '10.244.0.0/24'), host]));
    expect(r.warnings.map(formatIssue)).toEqual(["items[1]: hostNetwork pod default/agent reports IP 192.168.1.99, not its node's 192.168.1.11; the model shows the node's"]);
    expect(r.resolved?.nodes[0]?.pods[0]?.ip).toBe('192.168.1.11');
  });
});

describe('importCluster on Calico', () => {
  const calicoNode = (name: string, ip: string, podCIDR: string): Json => ({
    ...nodeItem(name, ip, podCIDR),
    metadata: { name, annotations: { 'projectcalico.org/IPv4Address': `${ip}/24`, 'projectcalico.org/IPv4IPIPTunnelAddr': '192.168.171.64' } },
  });

  it('fits each node’s range to its pods’ /26 blocks when Calico IPAM ignored spec.podCIDR', () => {
    // kubeadm --pod-network-cidr=192.168.0.0/16 gives nodes 192.168.0.0/24 and 192.168.1.0/24; calico-ipam gives /26 blocks anywhere in the pool.
    const r = importCluster(list([calicoNode('cp-1', '10.0.0.10', '192.168.0.0/24'), calicoNode('worker-1', '10.0.0.11', '192.168.1.0/24'), podItem('a', 'cp-1', '192.168.171.65'), podItem('b', 'cp-1', '192.168.171.66'), podItem('c', 'worker-1', '192.168.33.2')]));
    expect(r.plugin.spec).toEqual({ name: 'calico', mode: 'ipip' });
    expect(r.cluster.nodes.map((n) => n.podCIDR)).toEqual(['192.168.171.64/26', '192.168.33.0/26']);
    expect(r.warnings.map(formatIssue)[0]).toBe(
      "items[0]: Node cp-1 spec.podCIDR 192.168.0.0/24 does not hold its pods: Calico IPAM gives pods addresses from /26 blocks of its IP pools; 192.168.171.64/26, holding its pods' blocks (192.168.171.64/26), is used",
    );
    expect(r.cluster.network.clusterCIDR).toBe('192.168.0.0/16');
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps spec.podCIDR when it holds the pods', () => {
    const r = importCluster(list([calicoNode('cp-1', '10.0.0.10', '192.168.5.0/26'), podItem('a', 'cp-1', '192.168.5.7')]));
    expect(r.cluster.nodes[0]?.podCIDR).toBe('192.168.5.0/26');
    expect(r.warnings).toEqual([]);
  });
});
