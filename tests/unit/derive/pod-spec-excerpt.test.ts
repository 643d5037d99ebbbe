import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveCluster } from '../../../src/model/index.ts';
import type { Pod } from '../../../src/model/types.ts';
import { podNetworkSpec, podSpecExcerptYaml } from '../../../src/derive/pod-spec-excerpt.ts';
import dnsPolicies from '../../../diagrams/dns-policies.ts';
import servicesDns from '../../../diagrams/services-dns.ts';

// kubernetes/website content/en/examples/service/networking/custom-dns.yaml, its spec without containers.
const CUSTOM_DNS = `
dnsPolicy: "None"
dnsConfig:
  nameservers:
    - 192.0.2.1
  searches:
    - ns1.svc.cluster-domain.example
    - my.dns.search.suffix
  options:
    - name: ndots
      value: "2"
    - name: edns0
`;

// kubernetes.io, DNS for Services and Pods ("Pod's hostname and subdomain fields"): pod busybox1's spec without containers.
const BUSYBOX1 = `
hostname: busybox-1
subdomain: busybox-subdomain
`;

const pod = (fields: Partial<Pod>): Pod => ({ name: 'p', namespace: 'default', node: 'node-1', ip: '10.244.0.9', labels: {}, hostNetwork: false, dnsPolicy: 'ClusterFirst', ports: [], ...fields });

describe('pod spec excerpt', () => {
  it("writes the Kubernetes docs' custom DNS pod, keys in PodSpec and PodDNSConfig order", () => {
    const spec = podNetworkSpec(pod({
      dnsPolicy: 'None',
      dnsConfig: { nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] },
    }));
    expect(spec).toEqual(parse(CUSTOM_DNS));
    expect(Object.keys(spec)).toEqual(['dnsPolicy', 'dnsConfig']);
    expect(Object.keys(spec.dnsConfig as object)).toEqual(['nameservers', 'searches', 'options']);
  });

  it("writes the Kubernetes docs' busybox1 hostname and subdomain", () => {
    expect(podNetworkSpec(pod({ hostname: 'busybox-1', subdomain: 'busybox-subdomain' }))).toEqual(parse(BUSYBOX1));
  });

  it('leaves the API defaults out and writes hostNetwork before hostname', () => {
    expect(podNetworkSpec(pod({}))).toEqual({});
    expect(Object.keys(podNetworkSpec(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet', hostname: 'h' })))).toEqual(['dnsPolicy', 'hostNetwork', 'hostname']);
  });

  describe('the example clusters', () => {
    const policies = resolveCluster(dnsPolicies, 'dns-policies');

    it("writes pod custom's policy and dnsConfig from the definition, plain lists in flow style", () => {
      const custom = policies.nodes.flatMap((n) => n.pods).find((p) => p.name === 'custom')!;
      const yaml = podSpecExcerptYaml(policies, 'custom');
      expect(parse(yaml)).toEqual({ spec: { dnsPolicy: custom.dnsPolicy, dnsConfig: custom.dnsConfig } });
      expect(yaml).toContain(`    nameservers: [${custom.dnsConfig!.nameservers!.map((n) => `"${n}"`).join(', ')}]\n`);
      expect(yaml).toContain('        value: "2"\n');
    });

    it('leaves out the ClusterFirst policy pod ndots-2 keeps by default', () => {
      expect(podSpecExcerptYaml(policies, 'ndots-2')).toBe('spec:\n  dnsConfig:\n    options:\n      - name: ndots\n        value: "2"\n');
    });

    it("writes db-0's hostname and subdomain", () => {
      const cluster = resolveCluster(servicesDns, 'services-dns');
      const db0 = cluster.nodes.flatMap((n) => n.pods).find((p) => p.name === 'db-0')!;
      expect(parse(podSpecExcerptYaml(cluster, 'db-0'))).toEqual({ spec: { hostname: db0.hostname, subdomain: db0.subdomain } });
    });

    it('throws for a pod with nothing to show, and for a pod that is not there', () => {
      expect(() => podSpecExcerptYaml(policies, 'cluster-first')).toThrow('Cluster "dns-policies": pod "default/cluster-first" sets no dnsPolicy');
      expect(() => podSpecExcerptYaml(policies, 'nope')).toThrow('has no pod "default/nope"');
    });
  });
});
