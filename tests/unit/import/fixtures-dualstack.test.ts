/**
 * Dual-stack import on the hand-made IPv6-first kubeadm fixture (tests/fixtures/kubectl, see its
 * README), and an IPv6-only paste: both families read, the primary one first, ranges inferred per
 * family, and the model validates.
 */
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatIssue, importCluster } from '../../../src/import/index.ts';
import type { Json } from '../../../src/import/read.ts';
import { fixtureText, OWN_FIXTURES } from './fixture-files.ts';

const FIXTURE = 'kubeadm-dualstack-ipv6first.yaml';

describe('hand-made IPv6-first dual-stack cluster', () => {
  const r = importCluster([{ name: FIXTURE, text: fixtureText(OWN_FIXTURES, FIXTURE) }]);

  it('keeps IPv6 first, as the nodes list it, with both families per node and pod', () => {
    expect(r.cluster.nodes.map((n) => [n.name, n.ips, n.podCIDRs])).toEqual([
      ['cp-1', ['fd00:192:168:56::10', '192.168.56.10'], ['fd00:10:244::/64', '10.244.0.0/24']],
      ['worker-1', ['fd00:192:168:56::11', '192.168.56.11'], ['fd00:10:244:1::/64', '10.244.1.0/24']],
    ]);
    const web = r.cluster.nodes[1]?.pods?.find((p) => p.name === 'web-6d4cf56db6-9bqzf');
    expect(web).toMatchObject({ ip: 'fd00:10:244:1::5', podIPs: ['fd00:10:244:1::5', '10.244.1.5'] });
    // A hostNetwork pod shares its node's addresses: the model gives them, so none are copied.
    const apiserver = r.cluster.nodes[0]?.pods?.find((p) => p.name === 'kube-apiserver-cp-1');
    expect(apiserver?.podIPs).toBeUndefined();
  });

  it('infers a range of each family, the primary (kind/kubeadm default) first', () => {
    expect(r.cluster.network).toEqual({
      nodeCIDR: 'fd00:192:168:56::/64',
      clusterCIDR: 'fd00:10:244::/56',
      serviceCIDR: 'fd00:10:96::/112',
      nodeCIDRs: ['fd00:192:168:56::/64', '192.168.56.0/24'],
      clusterCIDRs: ['fd00:10:244::/56', '10.244.0.0/16'],
      serviceCIDRs: ['fd00:10:96::/112', '10.96.0.0/12'],
    });
  });

  it('carries the Service family fields and the IPv6 kube-dns address', () => {
    expect(r.cluster.services).toEqual([{
      name: 'web',
      namespace: 'default',
      clusterIP: 'fd00:10:96::3e8',
      clusterIPs: ['fd00:10:96::3e8', '10.96.42.7'],
      ipFamilies: ['IPv6', 'IPv4'],
      ipFamilyPolicy: 'PreferDualStack',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    }]);
    expect(r.cluster.dns).toEqual({ provider: 'coredns', clusterIP: 'fd00:10:96::a' });
  });

  it('matches both slices to the pod, and validates without a finding', () => {
    expect(r.endpointSlices.map((s) => s.addressType)).toEqual(['IPv6', 'IPv4']);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map(formatIssue)).toEqual([]);
    expect(r.validation).toEqual([]);
    expect(r.resolved?.services.find((s) => s.name === 'web')?.clusterIPs).toEqual(['fd00:10:96::3e8', '10.96.42.7']);
  });
});

describe('an IPv6-only paste', () => {
  const list = {
    kind: 'List',
    items: [
      { kind: 'Node', metadata: { name: 'n1' }, spec: { podCIDR: 'fd00:10:244:2::/64', podCIDRs: ['fd00:10:244:2::/64'] }, status: { addresses: [{ type: 'InternalIP', address: 'fc00:f853:ccd:e793::2' }] } },
      { kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } }, spec: { nodeName: 'n1' }, status: { phase: 'Running', podIP: 'fd00:10:244:2::9', podIPs: [{ ip: 'fd00:10:244:2::9' }] } },
      { kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: 'fd00:10:96::1', clusterIPs: ['fd00:10:96::1'], ipFamilies: ['IPv6'], ports: [{ port: 443 }] } },
      { kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: 'fd00:10:96::77', clusterIPs: ['fd00:10:96::77'], ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack', selector: { app: 'web' }, ports: [{ port: 80 }] } },
    ],
  };
  const r = importCluster(JSON.stringify(list));

  it('imports IPv6 single fields and IPv6 ranges, and validates', () => {
    expect(r.cluster.network).toEqual({ nodeCIDR: 'fc00:f853:ccd:e793::/64', clusterCIDR: 'fd00:10:244::/56', serviceCIDR: 'fd00:10:96::/112' });
    expect(r.cluster.nodes[0]).toMatchObject({ ip: 'fc00:f853:ccd:e793::2', podCIDR: 'fd00:10:244:2::/64', pods: [{ name: 'web-1', ip: 'fd00:10:244:2::9' }] });
    // Single-stack: the model defaults the family fields from the one range, so none are copied.
    expect(r.cluster.services).toEqual([{ name: 'web', namespace: 'default', clusterIP: 'fd00:10:96::77', selector: { app: 'web' }, ports: [{ port: 80 }] }]);
    expect(r.warnings).toEqual([]);
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.resolved).toBeDefined();
  });
});

describe('dual-stack kube-dns and a selectorless Service', () => {
  const list = parse(fixtureText(OWN_FIXTURES, FIXTURE)) as { items: Json[] };
  const dns = list.items.find((o) => o.kind === 'Service' && (o.metadata as Json).name === 'kube-dns')!;
  Object.assign(dns.spec as Json, { clusterIPs: ['fd00:10:96::a', '10.96.0.10'], ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' });
  const external = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { clusterIP: 'fd00:10:96::99', clusterIPs: ['fd00:10:96::99', '10.96.0.99'], ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'PreferDualStack', ports: [{ port: 5432 }] } };
  const slice = (addressType: string, address: string, name: string): Json => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    addressType,
    metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': 'ext', 'endpointslice.kubernetes.io/managed-by': 'staff' } },
    ports: [{ port: 5432, protocol: 'TCP' }],
    endpoints: [{ addresses: [address] }],
  });
  list.items.push(external, slice('IPv4', '192.0.2.10', 'ext-1'), slice('IPv6', '2001:db8::10', 'ext-2'));
  const r = importCluster(stringify(list));

  it('gives dns.clusterIPs both addresses, and validates', () => {
    expect(r.cluster.dns).toEqual({ provider: 'coredns', clusterIP: 'fd00:10:96::a', clusterIPs: ['fd00:10:96::a', '10.96.0.10'] });
    expect(r.validation.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.resolved?.dns.clusterIPs).toEqual(['fd00:10:96::a', '10.96.0.10']);
  });

  it('keeps the IPv4 hand-written slice and warns that the IPv6 one is not shown', () => {
    expect(r.cluster.endpointSlices?.map((s) => s.name)).toEqual(['ext-1']);
    expect(r.warnings.map((w) => [w.path, w.message])).toEqual([
      [`items[${list.items.length - 1}]`, 'EndpointSlice default/ext-2 of Service default/ext (no selector) is not shown: the model\'s hand-written EndpointSlices are IPv4'],
    ]);
  });
});
