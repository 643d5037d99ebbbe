// The IPv6 and dual-stack cases of the shared DNS golden check (../shared/upstream-golden/dns_golden.mts),
// which its fixture flags as "not expressible" (the model was IPv4-only when the fixture was built).
// Expectations are read from the shared fixture, never copied here: coredns/coredns plugin/kubernetes
// handler_test.go and reverse_test.go, kubernetes/dns docs/specification.md (the fixture names commit and line).
// The objects the fixture omitted for IPv6 are added to its clusters here, from the upstream tests' inputs:
// - handler_test.go APIConnServeTest: Service svc6 (ClusterIP 1234:abcd::1, port http 80), Service
//   svc-dual-stack (ClusterIPs 10.0.0.3, 10::3, port http 80), and hdls1's IPv6 EndpointSlice
//   (5678:abcd::1, 5678:abcd::2). In the model an endpoint is a pod, and a pod lists one address per
//   family: hdls1-ep-0 and hdls1-ep-1 get the two IPv6 addresses (neither has a hostname, so each
//   address is named by its dashed form, as upstream).
// - reverse_test.go APIConnReverseTest: svc1's IPv6 EndpointSlice ep1s2 (1234:abcd::1 hostname ep1b,
//   fd00:77:30::a ip6svc1ex, fd00:77:30::2:9ba6 ip6svc1in). 1234:abcd::1 and fd00:77:30:: share no
//   prefix, and a cluster has one IPv6 pod range, so each case gets the endpoints it asks about.
// - specification.md: the examples' IPv6 addresses (kubernetes.default at 2001:db8::1; headless
//   endpoints 2001:db8::1-3; my-pet at 2001:db8::1).
// Comparison as the shared check: rcode and the answer as a multiset of (owner, type, rdata); no TTLs.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, dnsZoneData } from '../../../src/derive/dns-records.ts';
import type { DnsRecordType } from '../../../src/derive/dns-answer.ts';
import { formatDiagnostic, validateCluster, type ClusterInput, type PodInput, type ServiceInput } from '../../../src/model/index.ts';

const GOLDEN = resolve(process.cwd(), '../shared/upstream-golden');
const present = existsSync(join(GOLDEN, 'dns_fixture_coredns.json')) && existsSync(join(GOLDEN, 'dns_fixture_spec.json'));
if (!present) console.warn(`NOTICE: ${GOLDEN} is absent: the upstream IPv6 DNS cases are skipped (see CONTRIBUTING.md).`);

interface Rr { name: string; type: string; data: string }
interface Case { id: string; qname: string; qtype: string; rcode: string; answer: Rr[]; cluster?: string; expressible: boolean; reason?: string }
type Input = ClusterInput & { name: string };
interface Fixture { clusters: Record<string, Input>; cases: Case[] }

/** The fixture's reasons for the cases this file runs. */
const isIPv6Case = (c: Case): boolean => !c.expressible && /needs IPv6 addresses|needs a dual-stack Service/.test(c.reason ?? '');

const fqdn = (n: string): string => (n.toLowerCase().endsWith('.') ? n.toLowerCase() : `${n.toLowerCase()}.`);
const canon = (r: Rr): string => `${fqdn(r.name)} ${r.type} ${['CNAME', 'PTR'].includes(r.type) ? fqdn(r.data) : r.data.toLowerCase()}`;

const pod = (input: Input, name: string): PodInput => {
  const found = input.nodes.flatMap((n) => n.pods ?? []).find((p) => p.name === name);
  if (!found) throw new Error(`fixture cluster ${input.name} has no pod ${name}`);
  return found;
};
const service = (input: Input, ns: string, name: string): ServiceInput => {
  const found = (input.services ?? []).find((s) => (s.namespace ?? 'default') === ns && s.name === name);
  if (!found) throw new Error(`fixture cluster ${input.name} has no Service ${ns}/${name}`);
  return found;
};

/** APIConnServeTest with its IPv6 objects. */
function serveDualStack(base: Input): Input {
  const c = structuredClone(base);
  // One range per family; ::/3 holds both ClusterIPs 1234:abcd::1 and 10::3, 5678:abcd::/64 both endpoints.
  c.network = { ...c.network, clusterCIDRs: [c.network.clusterCIDR!, '5678:abcd::/64'], serviceCIDRs: [c.network.serviceCIDR!, '::/3'] };
  c.nodes[0]!.podCIDRs = [c.nodes[0]!.podCIDR, '5678:abcd::/64'];
  pod(c, 'hdls1-ep-0').podIPs = [pod(c, 'hdls1-ep-0').ip!, '5678:abcd::1'];
  pod(c, 'hdls1-ep-1').podIPs = [pod(c, 'hdls1-ep-1').ip!, '5678:abcd::2'];
  service(c, 'testns', 'hdls1').ipFamilyPolicy = 'RequireDualStack';
  c.services!.push(
    { name: 'svc6', namespace: 'testns', clusterIP: '1234:abcd::1', ports: [{ name: 'http', protocol: 'TCP', port: 80 }] },
    { name: 'svc-dual-stack', namespace: 'testns', clusterIPs: ['10.0.0.3', '10::3'], ports: [{ name: 'http', protocol: 'TCP', port: 80 }] },
  );
  return c;
}

/** APIConnReverseTest with svc1's IPv6 endpoints: the one in `v6Range`, each as a pod of svc1 with its hostname. */
function reverseDualStack(base: Input, v6Range: string, endpoints: Array<{ hostname: string; v4: string; v6: string }>): Input {
  const c = structuredClone(base);
  c.network = { ...c.network, clusterCIDRs: [c.network.clusterCIDR!, v6Range], serviceCIDRs: [c.network.serviceCIDR!, 'fd00:96::/112'] };
  c.nodes[0]!.podCIDRs = [c.nodes[0]!.podCIDR, v6Range];
  for (const ep of endpoints) {
    c.nodes[0]!.pods!.push({ name: `svc1-${ep.hostname}`, namespace: 'testns', ip: ep.v4, podIPs: [ep.v4, ep.v6], labels: { svc: 'svc1' }, hostname: ep.hostname, subdomain: 'svc1' });
  }
  service(c, 'testns', 'svc1').ipFamilyPolicy = 'RequireDualStack';
  return c;
}

/** A spec example on an IPv6 single-stack cluster: default/kubernetes takes the first address of 2001:db8::/112. */
function specIPv6Only(base: Input): Input {
  const c = structuredClone(base);
  c.network = { nodeCIDR: 'fd00:100::/64', clusterCIDR: 'fd00:244::/56', serviceCIDR: '2001:db8::/112' };
  c.nodes = c.nodes.map((n, i) => ({ ...n, ip: `fd00:100::${11 + i}`, podCIDR: `fd00:244:0:${i}::/64`, controlPlane: true }));
  return c;
}

/** A spec headless example, dual-stack: each endpoint pod gets 2001:db8::<n> (n = its index + 1, or `v6`). */
function specHeadlessDualStack(base: Input, v6: Record<string, string>): Input {
  const c = structuredClone(base);
  c.network = { ...c.network, clusterCIDRs: [c.network.clusterCIDR!, '2001:db8::/64'], serviceCIDRs: ['10.96.0.0/12', 'fd00:96::/112'] };
  c.nodes[0]!.podCIDRs = [c.nodes[0]!.podCIDR, '2001:db8::/64'];
  for (const [name, ip] of Object.entries(v6)) pod(c, name).podIPs = [pod(c, name).ip!, ip];
  service(c, 'default', 'headless').ipFamilyPolicy = 'RequireDualStack';
  return c;
}

function clusterFor(source: 'coredns' | 'spec', fixture: Fixture, c: Case): Input {
  const base = fixture.clusters[c.cluster!]!;
  if (source === 'coredns' && c.cluster === 'serve') return serveDualStack(base);
  if (source === 'coredns' && c.cluster === 'reverse') {
    return c.qname.startsWith('1.0.0.0')
      ? reverseDualStack(base, '1234:abcd::/64', [{ hostname: 'ep1b', v4: '10.0.0.101', v6: '1234:abcd::1' }])
      : reverseDualStack(base, 'fd00:77:30::/64', [
        { hostname: 'ip6svc1ex', v4: '10.0.0.102', v6: 'fd00:77:30::a' },
        { hostname: 'ip6svc1in', v4: '10.0.0.103', v6: 'fd00:77:30::2:9ba6' },
      ]);
  }
  if (c.cluster === 'k8s') return specIPv6Only(base);
  if (c.cluster === 'headless3') return specHeadlessDualStack(base, { 'headless-1': '2001:db8::1', 'headless-2': '2001:db8::2', 'headless-3': '2001:db8::3' });
  if (c.cluster === 'my-pet') return specHeadlessDualStack(base, { 'my-pet': '2001:db8::1' });
  throw new Error(`no IPv6 translation for cluster ${c.cluster} (${c.id})`);
}

function outcome(input: Input, c: Case): { rcode: string; answer: string[] } {
  const res = validateCluster(input, { file: `diagrams/${input.name}.ts` });
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  if (!res.cluster || errors.length > 0) throw new Error(`cluster ${input.name} fails validation: ${errors.map(formatDiagnostic).join('; ')}`);
  const a = answer(dnsZoneData(res.cluster), c.qname, c.qtype as DnsRecordType);
  return { rcode: a.forwarded ? 'FORWARDED' : a.rcode, answer: a.records.map(canon).sort() };
}

describe.skipIf(!present)('upstream IPv6 and dual-stack DNS cases', () => {
  const load = (f: string): Fixture => JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')) as Fixture;
  const coredns = present ? load('dns_fixture_coredns.json') : { clusters: {}, cases: [] };
  const spec = present ? load('dns_fixture_spec.json') : { clusters: {}, cases: [] };
  const cases = [
    ...coredns.cases.filter(isIPv6Case).map((c) => ({ source: 'coredns' as const, fixture: coredns, c })),
    ...spec.cases.filter(isIPv6Case).map((c) => ({ source: 'spec' as const, fixture: spec, c })),
  ];

  it('finds the cases it claims (CoreDNS 13 + spec 5 at the fixture commit)', () => {
    console.info(`upstream IPv6 DNS cases: ${cases.length} (not expressible in the shared check, expressed here)`);
    expect(cases.filter((x) => x.source === 'coredns')).toHaveLength(13);
    expect(cases.filter((x) => x.source === 'spec')).toHaveLength(5);
  });

  for (const { source, fixture, c } of cases) {
    it(`${c.id}: ${c.qname} ${c.qtype} -> ${c.rcode}`, () => {
      expect(outcome(clusterFor(source, fixture, c), c)).toEqual({ rcode: c.rcode, answer: c.answer.map(canon).sort() });
    });
  }
});
