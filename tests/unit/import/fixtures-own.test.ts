/**
 * The import on our hand-written fixtures (tests/fixtures/kubectl, see its README): a complete
 * kubeadm + flannel cluster with EndpointSlices, and NetworkPolicies with matchExpressions, named
 * ports and endPort, which no real dump had.
 */
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatIssue, importCluster, type ImportResult } from '../../../src/import/index.ts';
import { fixtureText, OWN_FIXTURES } from './fixture-files.ts';

const CLUSTER = 'kubeadm-flannel-3node.json';
const POLICIES = 'shop-networkpolicies.yaml';

function run(): ImportResult {
  return importCluster([
    { name: CLUSTER, text: fixtureText(OWN_FIXTURES, CLUSTER) },
    { name: POLICIES, text: fixtureText(OWN_FIXTURES, POLICIES) },
  ]);
}

describe('hand-written kubeadm + flannel cluster', () => {
  const r = run();

  it('imports every node with its pods, and validates without errors', () => {
    expect(r.cluster.nodes.map((n) => `${n.name} ${n.ip} ${n.podCIDR} ${n.pods?.map((p) => p.name).join(',')}`)).toEqual([
      'cp-1 192.168.56.10 10.244.0.0/24 coredns-7c65d6cfc9-4xq8p,coredns-7c65d6cfc9-v2lwd,etcd-cp-1,kube-apiserver-cp-1,kube-proxy-8kq2m,kube-flannel-ds-j2v9c',
      'worker-1 192.168.56.11 10.244.1.0/24 kube-proxy-lr7tz,kube-flannel-ds-qz5hd,web-6d4cf56db6-9bqzf,api-5f7b9c8d4-m2xkq,prometheus-0',
      'worker-2 192.168.56.12 10.244.2.0/24 kube-proxy-x4wbn,kube-flannel-ds-t8m3r,web-6d4cf56db6-k7p2s,web-6d4cf56db6-zt5xw,db-0',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.validation).toEqual([]);
    expect(r.resolved?.nodes[0]?.controlPlane).toBe(true);
  });

  it('detects flannel vxlan from the node annotations and the kube-flannel-ds DaemonSet', () => {
    expect(r.plugin.spec).toEqual({ name: 'flannel', backend: 'vxlan' });
    expect(r.plugin.evidence).toContain('DaemonSet kube-flannel/kube-flannel-ds runs pods such as kube-flannel-ds-j2v9c');
  });

  it('turns kube-system/kube-dns into the model’s DNS, with both CoreDNS pods', () => {
    expect(r.resolved?.dns).toEqual({ provider: 'coredns', clusterIP: '10.96.0.10', pods: ['coredns-7c65d6cfc9-4xq8p', 'coredns-7c65d6cfc9-v2lwd'], podsMode: 'insecure' });
    expect(r.cluster.services?.map((s) => s.name)).toEqual(['web', 'api', 'db', 'shop-lb']);
  });

  it('keeps every Service field networking needs', () => {
    const byName = new Map(r.resolved?.services.map((s) => [s.name, s]));
    expect(byName.get('web')).toMatchObject({ type: 'NodePort', clusterIP: '10.100.20.30', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080, protocol: 'TCP' }] });
    expect(byName.get('api')).toMatchObject({ internalTrafficPolicy: 'Local', ports: [{ targetPort: 'grpc', port: 9090 }] });
    expect(byName.get('db')?.clusterIP).toBe('None');
    expect(byName.get('shop-lb')).toMatchObject({ type: 'LoadBalancer', loadBalancerIP: '203.0.113.10', sessionAffinity: 'ClientIP' });
    expect(r.warnings.map(formatIssue)).toContain(`${CLUSTER}: items[29].spec.sessionAffinityConfig: Service shop/shop-lb: sessionAffinityConfig is not shown (the model has no field for it)`);
  });

  it('keeps pod DNS settings, hostname and subdomain', () => {
    const pods = r.resolved?.nodes.flatMap((n) => n.pods) ?? [];
    expect(pods.find((p) => p.name === 'prometheus-0')?.dnsConfig).toEqual({ options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] });
    expect(pods.find((p) => p.name === 'db-0')).toMatchObject({ hostname: 'db-0', subdomain: 'db', ip: '10.244.2.8' });
    expect(pods.find((p) => p.name === 'coredns-7c65d6cfc9-4xq8p')?.dnsPolicy).toBe('Default');
    expect(pods.filter((p) => p.hostNetwork)).toHaveLength(8);
  });

  it('reads the EndpointSlices with their conditions and puts them on the pods, as kube-proxy reads them', () => {
    const web = r.endpointSlices.find((s) => s.name === 'web-t6w2j');
    expect(web?.endpoints.map((e) => `${e.addresses[0]} ${e.nodeName} ready=${e.ready} serving=${e.serving} terminating=${e.terminating}`)).toEqual([
      '10.244.1.5 worker-1 ready=true serving=true terminating=false',
      '10.244.2.7 worker-2 ready=true serving=true terminating=false',
      '10.244.2.9 worker-2 ready=false serving=true terminating=true',
    ]);
    expect(r.endpointSlices.map((s) => `${s.service}:${s.endpoints.length}`)).toEqual(['kubernetes:1', 'kube-dns:2', 'web:3', 'api:1', 'db:1', 'shop-lb:3']);
    // The pod's status says Ready False with a deletionTimestamp; the slice says serving: the slice wins.
    const pods = r.resolved?.nodes.flatMap((n) => n.pods) ?? [];
    expect(pods.find((p) => p.name === 'web-6d4cf56db6-zt5xw')).toMatchObject({ terminating: true });
    expect(pods.find((p) => p.name === 'web-6d4cf56db6-zt5xw')?.ready).toBeUndefined();
    expect(pods.find((p) => p.name === 'web-6d4cf56db6-k7p2s')?.terminating).toBeUndefined();
    const warnings = r.warnings.map(formatIssue);
    expect(warnings).toContain(
      `${CLUSTER}: items[32]: EndpointSlice shop/web-t6w2j says pod shop/web-6d4cf56db6-zt5xw is ready=false serving=true terminating=true, its status said ready=false serving=false terminating=true; the slice's conditions are used, as kube-proxy reads the slices`,
    );
    expect(warnings.filter((w) => w.includes('treats every selected pod as ready'))).toEqual([]);
    expect(warnings.filter((w) => w.includes('topology hints'))).toHaveLength(1);
  });

  it('imports the policies: named ports, endPort, ipBlock except, and matchExpressions', () => {
    const byName = new Map(r.cluster.networkPolicies?.map((p) => [p.name, p]));
    expect(byName.get('web-from-prod-namespaces')?.ingress?.[0]?.ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
    expect(byName.get('db-from-api')?.ingress?.[0]?.ports).toEqual([{ protocol: 'TCP', port: 'postgres' }]);
    expect(byName.get('egress-dns-and-partners')?.egress?.[1]).toEqual({ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12', '10.244.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] });
    expect(byName.get('web-from-prod-namespaces')?.ingress?.[0]?.from?.[0]?.namespaceSelector).toEqual({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] });
    expect(byName.get('api-from-frontend')?.ingress?.[0]?.from?.[0]?.podSelector?.matchExpressions).toEqual([{ key: 'tier', operator: 'Exists' }]);
    expect(byName.get('db-from-api')?.podSelector.matchExpressions).toEqual([{ key: 'quarantine', operator: 'DoesNotExist' }]);
    expect(byName.get('egress-dns-and-partners')?.podSelector.matchExpressions).toEqual([{ key: 'app', operator: 'NotIn', values: ['db'] }]);
    expect(r.warnings.filter((w) => w.message.includes('matchExpressions'))).toEqual([]);
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.resolved?.namespaces.find((n) => n.name === 'shop')?.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop', env: 'prod', team: 'shop' });
  });

  it('reads the YAML form of the same dump to the same cluster', () => {
    const json = fixtureText(OWN_FIXTURES, CLUSTER);
    const yaml = importCluster([{ name: CLUSTER, text: stringify(JSON.parse(json)) }, { name: POLICIES, text: fixtureText(OWN_FIXTURES, POLICIES) }]);
    expect(yaml.cluster).toEqual(r.cluster);
    expect(yaml.warnings.map(formatIssue)).toEqual(r.warnings.map(formatIssue));
  });
});
