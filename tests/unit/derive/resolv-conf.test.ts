// Sources: kubernetes pkg/kubelet/network/dns/dns.go (GetPodDNS, getPodDNSType,
// generateSearchesForDNSClusterFirst, formDNSSearchFitsLimits, formDNSNameserversFitsLimits,
// defaultDNSOptions), kubernetes pkg/apis/core/validation/validation.go (MaxDNSNameservers = 3,
// MaxDNSSearchPaths = 32, MaxDNSSearchListChars = 2048), and containerd
// internal/cri/server/sandbox_run.go parseDNSOptions (line order: search, nameserver, options).
import { describe, expect, it } from 'vitest';
import {
  fitNameserverLimits, fitSearchLimits, formatResolvConf, mergeDnsOptions, podDnsType, resolvConf,
  MAX_DNS_NAMESERVERS, MAX_DNS_SEARCH_LIST_CHARS, MAX_DNS_SEARCH_PATHS,
} from '../../../src/derive/resolv-conf.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { threeNodeCluster } from './fixtures.ts';

function withPod(mutate: (c: Cluster) => void): Cluster {
  const c = threeNodeCluster();
  mutate(c);
  return c;
}

describe('kubelet limits (validation.go)', () => {
  it('uses the v1.35 constants', () => {
    expect([MAX_DNS_NAMESERVERS, MAX_DNS_SEARCH_PATHS, MAX_DNS_SEARCH_LIST_CHARS]).toEqual([3, 32, 2048]);
  });
  it('keeps the first 3 nameservers and warns (formDNSNameserversFitsLimits)', () => {
    const warnings: string[] = [];
    expect(fitNameserverLimits(['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4'], warnings)).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3']);
    expect(warnings).toEqual(['Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 1.1.1.1 2.2.2.2 3.3.3.3']);
  });
  it('keeps the first 32 search paths (formDNSSearchFitsLimits)', () => {
    const searches = Array.from({ length: 40 }, (_, i) => `d${i}.example`);
    expect(fitSearchLimits(searches)).toEqual(searches.slice(0, 32));
  });
  it('drops search paths longer than 253 characters', () => {
    const long = `${'a'.repeat(250)}.com`;
    expect(fitSearchLimits(['a.example', long, 'b.example'])).toEqual(['a.example', 'b.example']);
  });
  it('cuts trailing search paths until the line is at most 2048 characters', () => {
    const searches = Array.from({ length: 10 }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(248)}`); // 250 chars each
    const kept = fitSearchLimits(searches);
    expect(kept.join(' ').length).toBeLessThanOrEqual(2048);
    expect(kept).toEqual(searches.slice(0, 8)); // 8*250+7 = 2007; 9*250+8 = 2258 > 2048
  });
});

describe('getPodDNSType (dns.go)', () => {
  it('maps ClusterFirst on hostNetwork to the host policy', () => {
    expect(podDnsType({ dnsPolicy: 'ClusterFirst', hostNetwork: true })).toBe('host');
    expect(podDnsType({ dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true })).toBe('cluster');
    expect(podDnsType({ dnsPolicy: 'Default', hostNetwork: false })).toBe('host');
    expect(podDnsType({ dnsPolicy: 'None', hostNetwork: false })).toBe('none');
  });
});

describe('resolvConf', () => {
  it('writes the standard ClusterFirst file for a pod in default', () => {
    expect(resolvConf(threeNodeCluster(), 'default/client')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
  it('puts the pod namespace first and appends the node search domains (generateSearchesForDNSClusterFirst)', () => {
    const c = withPod((c) => { c.nodes[0]!.resolvConf = { nameservers: ['192.168.1.1'], searches: ['corp.example.', 'cluster.local'] }; });
    expect(resolvConf(c, 'kube-system/coredns-a')).toBe(
      'search kube-system.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
  it('gives hostNetwork ClusterFirst pods the node resolv.conf', () => {
    const c = withPod((c) => { c.nodes[2]!.resolvConf = { nameservers: ['192.168.1.1', '1.1.1.1'], searches: ['lan'] }; });
    expect(resolvConf(c, 'kube-system/node-agent')).toBe('search lan\nnameserver 192.168.1.1\nnameserver 1.1.1.1\n');
  });
  it('gives ClusterFirstWithHostNet pods the cluster DNS', () => {
    const c = withPod((c) => { c.nodes[2]!.pods[2]!.dnsPolicy = 'ClusterFirstWithHostNet'; });
    expect(resolvConf(c, 'kube-system/node-agent')).toBe(
      'search kube-system.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
  it('builds dnsPolicy None only from dnsConfig', () => {
    const c = withPod((c) => {
      const p = c.nodes[1]!.pods[1]!;
      p.dnsPolicy = 'None';
      p.dnsConfig = { nameservers: ['1.2.3.4'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] };
    });
    // Inputs: the example in the Kubernetes docs "DNS for Services and Pods" (Pod's DNS Config);
    // the docs print the file with nameserver first, containerd parseDNSOptions writes search first.
    expect(resolvConf(c, 'client')).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 1.2.3.4\noptions ndots:2 edns0\n',
    );
  });
  it('merges dnsConfig options over the defaults (mergeDNSOptions)', () => {
    expect(mergeDnsOptions(['ndots:5'], [{ name: 'ndots', value: '2' }, { name: 'single-request-reopen' }])).toEqual(['ndots:2', 'single-request-reopen']);
  });
  it('throws naming the cluster and pod when the pod is unknown', () => {
    expect(() => resolvConf(threeNodeCluster(), 'default/nope')).toThrow(/three-nodes.*default\/nope/);
  });
  it('omits empty lines (parseDNSOptions)', () => {
    expect(formatResolvConf({ servers: ['10.0.0.1'], searches: [], options: [] })).toBe('nameserver 10.0.0.1\n');
  });
});

describe('dual-stack cluster DNS (dns.go: one nameserver per clusterDNS address)', () => {
  it('lists every kube-dns ClusterIP kubelet is given, in order', () => {
    const c = withPod((x) => void (x.dns.clusterIPs = ['10.96.0.10', 'fd00:10:96::a']));
    const pod = c.nodes[0]!.pods.find((p) => !p.hostNetwork && p.dnsPolicy === 'ClusterFirst')!;
    expect(resolvConf(c, `${pod.namespace}/${pod.name}`)).toContain('nameserver 10.96.0.10\nnameserver fd00:10:96::a\n');
  });
});
