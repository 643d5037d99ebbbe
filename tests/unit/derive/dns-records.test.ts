// Source: Kubernetes DNS-Based Service Discovery specification (kubernetes/dns docs/specification.md):
// 2.3.1 A, 2.3.2 SRV `_<port>._<proto>.<service>.<ns>.svc.<zone>.`, 2.3.3 PTR `<d>.<c>.<b>.<a>.in-addr.arpa.`,
// 2.4 headless per-endpoint A/SRV/PTR, 2.5 ExternalName CNAME, 2.6 `<a>-<b>-<c>-<d>.<ns>.pod.<zone>.`.
// TTL 30: kubeadm's CoreDNS Corefile (`ttl 30`). SRV priority 0 and weight 100/N: coredns plugin/backend_lookup.go.
import { describe, expect, it } from 'vitest';
import { answer, clusterDnsRecords, dashedIP, dnsZoneData, formatRecord, reverseName } from '../../../src/derive/dns-records.ts';
import { dashedIPv4 } from '../../../src/derive/dns-answer.ts';
import { threeNodeCluster } from './fixtures.ts';

const lines = (): string[] => clusterDnsRecords(threeNodeCluster()).map(formatRecord);

describe('clusterDnsRecords', () => {
  it('serves an A record for a ClusterIP Service (spec 2.3.1)', () => {
    expect(lines()).toContain('kube-dns.kube-system.svc.cluster.local.\t30\tIN\tA\t10.96.0.10');
  });
  it('serves _port._proto SRV records for named ports only (spec 2.3.2)', () => {
    expect(lines()).toContain('_dns._udp.kube-dns.kube-system.svc.cluster.local.\t30\tIN\tSRV\t0 100 53 kube-dns.kube-system.svc.cluster.local.');
    expect(lines()).toContain('_http._tcp.web.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 80 web.default.svc.cluster.local.');
    expect(lines().some((l) => l.startsWith('_') && l.includes('web-np'))).toBe(false);
  });
  it('serves SRV at the bare Service name for every port, one per (target, port) (findServices wildcards, backend_lookup.go SRV)', () => {
    expect(lines()).toContain('web-np.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 80 web-np.default.svc.cluster.local.');
    // kube-dns: three ports count for the weight (100/3 -> 33); UDP 53 and TCP 53 give one record.
    const kd = clusterDnsRecords(threeNodeCluster()).filter((r) => r.type === 'SRV' && r.name === 'kube-dns.kube-system.svc.cluster.local.');
    expect(kd.map((r) => r.data)).toEqual(['0 33 53 kube-dns.kube-system.svc.cluster.local.', '0 33 9153 kube-dns.kube-system.svc.cluster.local.']);
  });
  it('serves endpoint names and PTRs for a ClusterIP Service too (reverse.go serviceRecordForIP)', () => {
    expect(lines()).toEqual(expect.arrayContaining([
      '10-244-1-5.web.default.svc.cluster.local.\t30\tIN\tA\t10.244.1.5',
      '5.1.244.10.in-addr.arpa.\t30\tIN\tPTR\t10-244-1-5.web.default.svc.cluster.local.',
      '5.1.244.10.in-addr.arpa.\t30\tIN\tPTR\t10-244-1-5.web-np.default.svc.cluster.local.',
    ]));
  });
  it('serves default/kubernetes: first service address, https 443, endpoints on control-plane nodes', () => {
    expect(lines()).toEqual(expect.arrayContaining([
      'kubernetes.default.svc.cluster.local.\t30\tIN\tA\t10.96.0.1',
      '_https._tcp.kubernetes.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 443 kubernetes.default.svc.cluster.local.',
      '1.0.96.10.in-addr.arpa.\t30\tIN\tPTR\tkubernetes.default.svc.cluster.local.',
      '10.1.168.192.in-addr.arpa.\t30\tIN\tPTR\t192-168-1-10.kubernetes.default.svc.cluster.local.',
    ]));
    expect(lines().some((l) => l.includes('192-168-1-11.kubernetes'))).toBe(false);
  });
  it('serves the dns-version TXT record (spec 2.2)', () => {
    expect(lines()).toContain('dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"');
  });
  it('serves no pod records with pods disabled', () => {
    const c = threeNodeCluster();
    c.dns.podsMode = 'disabled';
    expect(clusterDnsRecords(c).some((r) => r.name.includes('.pod.'))).toBe(false);
  });
  it('serves the PTR of a ClusterIP (spec 2.3.3)', () => {
    expect(lines()).toContain('10.0.96.10.in-addr.arpa.\t30\tIN\tPTR\tkube-dns.kube-system.svc.cluster.local.');
  });
  it('serves per-endpoint records for a headless Service, named by hostname (spec 2.4.1, 2.4.2, 2.4.3)', () => {
    expect(lines()).toEqual(expect.arrayContaining([
      'db.default.svc.cluster.local.\t30\tIN\tA\t10.244.2.8',
      'db-0.db.default.svc.cluster.local.\t30\tIN\tA\t10.244.2.8',
      '_postgres._tcp.db.default.svc.cluster.local.\t30\tIN\tSRV\t0 100 5432 db-0.db.default.svc.cluster.local.',
      '8.2.244.10.in-addr.arpa.\t30\tIN\tPTR\tdb-0.db.default.svc.cluster.local.',
    ]));
  });
  it('splits SRV weight 100/N over N endpoints (backend_lookup.go: floor(100 / (100*N) * 100))', () => {
    const c = threeNodeCluster();
    c.nodes[1]!.pods.push({ ...c.nodes[2]!.pods[1]!, name: 'db-1', node: 'worker-1', ip: '10.244.1.9', hostname: 'db-1' });
    const srv = clusterDnsRecords(c).filter((r) => r.type === 'SRV' && r.name.startsWith('_postgres.')).map((r) => r.data);
    expect(srv).toEqual(['0 50 5432 db-1.db.default.svc.cluster.local.', '0 50 5432 db-0.db.default.svc.cluster.local.']);
  });
  it('names a headless endpoint without hostname by its dashed IP', () => {
    const c = threeNodeCluster();
    c.services.push({ ...c.services[3]!, name: 'web-headless', selector: { app: 'web' }, ports: [] });
    const l = clusterDnsRecords(c).map(formatRecord);
    expect(l).toContain('10-244-1-5.web-headless.default.svc.cluster.local.\t30\tIN\tA\t10.244.1.5');
  });
  it('serves a CNAME for an ExternalName Service (spec 2.5)', () => {
    expect(lines()).toContain('ext.default.svc.cluster.local.\t30\tIN\tCNAME\texample.com.');
  });
  it('serves dashed-IP pod records (spec 2.6)', () => {
    expect(lines()).toContain('10-244-1-6.default.pod.cluster.local.\t30\tIN\tA\t10.244.1.6');
  });
  it('formats names like the spec examples', () => {
    expect(reverseName('10.3.0.1')).toBe('1.0.3.10.in-addr.arpa.');
    expect(dashedIP('10.244.1.5')).toBe('10-244-1-5');
  });
});

describe('answer', () => {
  const data = dnsZoneData(threeNodeCluster());
  it('answers A for a Service name, any case (spec 2.1: case-insensitive)', () => {
    const a = answer(data, 'WEB.default.svc.cluster.local', 'A');
    expect(a.rcode).toBe('NOERROR');
    expect(a.records.map((r) => r.data)).toEqual(['10.96.100.10']);
  });
  it('returns NXDOMAIN for a name that does not exist in the zone', () => {
    expect(answer(data, 'web.default.svc.cluster.local.default.svc.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });
  it('returns NODATA (NOERROR, no records) for an existing name without that type', () => {
    const a = answer(data, 'web.default.svc.cluster.local', 'AAAA');
    expect([a.rcode, a.records.length]).toEqual(['NOERROR', 0]);
    const txt = answer(data, 'web.default.svc.cluster.local', 'TXT');
    expect([txt.rcode, txt.records.length]).toEqual(['NOERROR', 0]);
  });
  it('returns NODATA for an empty non-terminal such as a namespace', () => {
    const a = answer(data, 'default.svc.cluster.local', 'A');
    expect([a.rcode, a.records.length]).toEqual(['NOERROR', 0]);
  });
  it('returns the CNAME for an A question at an ExternalName (spec 2.5 answer example)', () => {
    expect(answer(data, 'ext.default.svc.cluster.local', 'A').records.map((r) => r.type)).toEqual(['CNAME']);
  });
  it('marks names outside the cluster domain as forwarded', () => {
    expect(answer(data, 'example.com', 'A').forwarded).toBe(true);
  });
  it('answers any dashed pod name in an existing namespace (kubeadm Corefile: pods insecure)', () => {
    expect(answer(data, '10-244-9-9.default.pod.cluster.local', 'A').records.map((r) => r.data)).toEqual(['10.244.9.9']);
  });
  it('answers NXDOMAIN for a dashed pod name in a namespace that does not exist (findPods)', () => {
    const a = answer(data, '10-244-9-9.nosuchns.pod.cluster.local', 'A');
    expect([a.rcode, a.records.length]).toEqual(['NXDOMAIN', 0]);
    expect(answer(data, '10-244-09-9.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
  it('pods verified answers only the IP of a pod in that namespace', () => {
    const c = threeNodeCluster();
    c.dns.podsMode = 'verified';
    const v = dnsZoneData(c);
    expect(answer(v, '10-244-1-6.default.pod.cluster.local', 'A').records.map((r) => r.data)).toEqual(['10.244.1.6']);
    expect(answer(v, '10-244-9-9.default.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(answer(v, '10-244-1-6.kube-system.pod.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
  it('answers NODATA for an existing namespace without Services, NXDOMAIN for an unknown one', () => {
    const c = threeNodeCluster();
    c.namespaces.push({ name: 'empty', labels: {} });
    const d = dnsZoneData(c);
    expect([answer(d, 'empty.svc.cluster.local', 'A').rcode, answer(d, 'empty.svc.cluster.local', 'A').records.length]).toEqual(['NOERROR', 0]);
    expect(answer(d, 'nosuchns.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
  });
  it('follows an ExternalName that points into the cluster to its A record (backend_lookup.go A)', () => {
    const c = threeNodeCluster();
    c.services.push({ ...c.services[4]!, name: 'alias', externalName: 'web.default.svc.cluster.local.' });
    const a = answer(dnsZoneData(c), 'alias.default.svc.cluster.local', 'A');
    expect(a.records.map((r) => `${r.type} ${r.data}`)).toEqual(['CNAME web.default.svc.cluster.local.', 'A 10.96.100.10']);
    // SRV drops ExternalName CNAMEs (kubernetes.go Services).
    expect(answer(dnsZoneData(c), 'alias.default.svc.cluster.local', 'SRV').records).toEqual([]);
  });
  it('answers kubernetes.default.svc and the TXT, NS and SOA of the zone', () => {
    expect(answer(data, 'kubernetes.default.svc.cluster.local', 'A').records.map((r) => r.data)).toEqual(['10.96.0.1']);
    expect(answer(data, 'dns-version.cluster.local', 'TXT').records.map((r) => r.data)).toEqual(['"1.1.0"']);
    expect(answer(data, 'cluster.local', 'NS').records.map((r) => r.data)).toEqual(['ns.dns.cluster.local.']);
    expect(answer(data, 'ns.dns.cluster.local', 'A').records.map((r) => r.data)).toEqual(['10.96.0.10']);
    expect(answer(data, 'cluster.local', 'SOA').records[0]!.data).toMatch(/^ns\.dns\.cluster\.local\. hostmaster\.cluster\.local\. \S+ 7200 1800 86400 30$/);
    expect(answer(data, 'default.svc.cluster.local', 'NS').records).toEqual([]);
    expect(answer(data, 'nosuch.cluster.local', 'NS').rcode).toBe('NXDOMAIN');
  });
});

describe('dashedIPv4 (findPods: three dashes, net.ParseIP)', () => {
  it('reads a dashed IPv4 address and rejects what Go\'s ParseIP rejects', () => {
    expect(dashedIPv4('10-244-1-5')).toBe('10.244.1.5');
    expect(dashedIPv4('10-244-1-256')).toBeUndefined();
    expect(dashedIPv4('10-244-01-5')).toBeUndefined();
    expect(dashedIPv4('blah')).toBeUndefined();
    expect(dashedIPv4('10-244-1')).toBeUndefined();
  });
});
