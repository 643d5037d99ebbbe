// Upstream cases the shared DNS golden check (../shared/upstream-golden/dns_golden.mts) counts as
// "not expressible" because its fixture flags are static, and which the model now expresses:
// TXT (`dns-version`), NS and SOA queries, other query types (HINFO: CoreDNS's fake A lookup), and the
// CoreDNS `pods verified` mode. Expectations are read from the shared fixture, never copied here:
// coredns/coredns plugin/kubernetes handler_test.go, handler_pod_insecure_test.go,
// handler_pod_verified_test.go and kubernetes/dns docs/specification.md (fixture files name commit and line).
// Comparison as the shared check: rcode (NOERROR without answers = NODATA) and the answer section as a
// multiset of (owner, type, rdata); TTLs are not compared.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, dnsZoneData } from '../../../src/derive/dns-records.ts';
import type { DnsRecordType } from '../../../src/derive/dns-answer.ts';
import { formatDiagnostic, validateCluster, type ClusterInput } from '../../../src/model/index.ts';

const GOLDEN = resolve(process.cwd(), '../shared/upstream-golden');
const present = existsSync(join(GOLDEN, 'dns_fixture_coredns.json')) && existsSync(join(GOLDEN, 'dns_fixture_spec.json'));
if (!present) {
  console.warn(`NOTICE: ${GOLDEN} is absent: the extended upstream DNS cases are skipped (see CONTRIBUTING.md).`);
}

interface Rr { name: string; type: string; data: string }
interface Case {
  id: string; qname: string; qtype: string; rcode: string; answer: Rr[];
  cluster?: string; expressible: boolean; reason?: string; group: string;
}
interface Fixture { clusters: Record<string, ClusterInput & { name: string }>; cases: Case[] }

/** Query types the model answers now that the shared check's fixture marks as outside it. */
const NEW_QTYPES = new Set(['TXT', 'NS', 'SOA', 'HINFO']);
const isVerifiedCase = (c: Case): boolean => c.group.endsWith('handler_pod_verified_test.go');
/** The cases this file runs: not expressible there, expressible here. */
function nowExpressible(c: Case): boolean {
  return !c.expressible && !!c.cluster && (NEW_QTYPES.has(c.qtype) || /pods verified/.test(c.reason ?? ''));
}

const fqdn = (n: string): string => (n.toLowerCase().endsWith('.') ? n.toLowerCase() : `${n.toLowerCase()}.`);
function canon(r: Rr): string {
  let data = r.data.trim();
  if (['CNAME', 'PTR', 'NS'].includes(r.type)) data = fqdn(data);
  else if (r.type === 'TXT') data = data.replace(/^"(.*)"$/, '$1');
  return `${fqdn(r.name)} ${r.type} ${data}`;
}

function zoneFor(fixture: Fixture, key: string, verified: boolean) {
  const input = structuredClone(fixture.clusters[key]!);
  if (verified) input.dns = { ...input.dns, podsMode: 'verified' };
  const res = validateCluster(input, { file: `diagrams/${input.name}.ts` });
  const errors = res.diagnostics.filter((d) => d.severity === 'error');
  if (!res.cluster || errors.length > 0) throw new Error(`cluster ${key} fails validation: ${errors.map(formatDiagnostic).join('; ')}`);
  return dnsZoneData(res.cluster);
}

function outcome(fixture: Fixture, c: Case, verified: boolean): { rcode: string; answer: string[] } {
  // answer() falls back to CoreDNS's fake A lookup for a type it has no records for (HINFO).
  const a = answer(zoneFor(fixture, c.cluster!, verified), c.qname, c.qtype as DnsRecordType);
  return { rcode: a.forwarded ? 'FORWARDED' : a.rcode, answer: a.records.map(canon).sort() };
}

describe.skipIf(!present)('upstream DNS cases beyond the shared check', () => {
  const load = (f: string): Fixture => JSON.parse(readFileSync(join(GOLDEN, f), 'utf8')) as Fixture;
  const coredns = present ? load('dns_fixture_coredns.json') : { clusters: {}, cases: [] };
  const spec = present ? load('dns_fixture_spec.json') : { clusters: {}, cases: [] };
  const extended = [
    ...coredns.cases.filter(nowExpressible).map((c) => ({ fixture: coredns, c })),
    ...spec.cases.filter(nowExpressible).map((c) => ({ fixture: spec, c })),
  ];

  it('finds the cases it claims (TXT, NS, SOA, HINFO and pods verified: 12 at the fixture commit)', () => {
    console.info(`extended upstream DNS cases: ${extended.length} (not expressible in the shared check, expressed here)`);
    expect(extended.length).toBe(12);
  });

  for (const { fixture, c } of extended) {
    it(`${c.id}: ${c.qname} ${c.qtype} -> ${c.rcode}`, () => {
      expect(outcome(fixture, c, isVerifiedCase(c))).toEqual({ rcode: c.rcode, answer: c.answer.map(canon).sort() });
    });
  }

  // handler_pod_verified_test.go runs every case with `pods verified`; the shared check runs the
  // covered ones in kubeadm's insecure mode. Run them all in verified mode too.
  for (const c of coredns.cases.filter((x) => isVerifiedCase(x) && x.cluster && (x.expressible || nowExpressible(x)))) {
    it(`pods verified: ${c.id}: ${c.qname} ${c.qtype} -> ${c.rcode}`, () => {
      expect(outcome(coredns, c, true)).toEqual({ rcode: c.rcode, answer: c.answer.map(canon).sort() });
    });
  }
});
