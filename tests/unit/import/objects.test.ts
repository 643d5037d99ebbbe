import { describe, expect, it } from 'vitest';
import { importDns } from '../../../src/import/dns.ts';
import { importEndpointSlice } from '../../../src/import/endpoint-slices.ts';
import { IssueCollector } from '../../../src/import/issues.ts';
import { importNode, isIPv6 } from '../../../src/import/nodes.ts';
import { importPod } from '../../../src/import/pods.ts';
import { importNamespace, importPolicy, importSelector } from '../../../src/import/policies.ts';
import { isObject, Reader, type Json } from '../../../src/import/read.ts';
import { importService } from '../../../src/import/services.ts';

function reader(value: Json, issues = new IssueCollector()): Reader {
  return new Reader(value, { path: 'items[3]' }, issues);
}

const node = (extra: Json = {}): Json => ({
  kind: 'Node',
  metadata: { name: 'worker-1', labels: { 'kubernetes.io/hostname': 'worker-1' } },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
  status: { addresses: [{ type: 'Hostname', address: 'worker-1' }, { type: 'InternalIP', address: '192.168.56.11' }] },
  ...extra,
});

const pod = (spec: Json = {}, status: Json = {}, metadata: Json = {}): Json => ({
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', labels: { app: 'web' }, ...metadata },
  spec: { nodeName: 'worker-1', containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }], ...spec },
  status: { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }], ...status },
});

describe('Reader', () => {
  it('reads typed fields and reports wrong types at their path, without throwing', () => {
    const issues = new IssueCollector();
    const r = reader({ a: 'x', n: 3, b: true, m: { k: 'v', bad: 1 }, l: ['p', 2], wrong: 5 }, issues);
    expect([r.string('a'), r.integer('n'), r.boolean('b'), r.stringMap('m'), r.strings('l')]).toEqual(['x', 3, true, { k: 'v' }, ['p']]);
    expect(r.string('wrong')).toBeUndefined();
    expect(r.object('a')).toBeUndefined();
    expect(r.intOrString('n')).toBe(3);
    expect(r.oneOf('a', ['y', 'z'])).toBeUndefined();
    expect(issues.errors.map((e) => e.path)).toEqual(['items[3].m.bad', 'items[3].l[1]', 'items[3].wrong', 'items[3].a', 'items[3].a']);
    expect(reader(JSON.parse('{"labels":{"__proto__":"x","app":"web"}}') as Json, issues).stringMap('labels')).toEqual({ app: 'web' });
    expect(issues.errors.at(-1)?.path).toBe('items[3].labels.__proto__');
    expect(isObject([])).toBe(false);
    expect(isObject({})).toBe(true);
  });
});

describe('importNode', () => {
  it('takes the name, the IPv4 InternalIP and the pod CIDR', () => {
    const issues = new IssueCollector();
    const n = importNode(reader(node(), issues), issues);
    expect(n?.node).toEqual({ name: 'worker-1', ip: '192.168.56.11', podCIDR: '10.244.1.0/24' });
    expect(n?.missingPodCIDR).toBe(false);
    expect(issues.errors).toEqual([]);
  });

  it('takes the zone from the topology.kubernetes.io/zone label', () => {
    const zoned = node({ metadata: { name: 'worker-1', labels: { 'topology.kubernetes.io/zone': 'eu-west-1a' } } });
    expect(importNode(reader(zoned), new IssueCollector())?.node.zone).toBe('eu-west-1a');
    expect(importNode(reader(node()), new IssueCollector())?.node).not.toHaveProperty('zone');
  });

  it('marks control-plane nodes by the kubeadm label', () => {
    const cp = node({ metadata: { name: 'cp-1', labels: { 'node-role.kubernetes.io/control-plane': '' } } });
    expect(importNode(reader(cp), new IssueCollector())?.node.controlPlane).toBe(true);
  });

  it('keeps both families of a dual-stack node, and warns about a second address of one family', () => {
    const issues = new IssueCollector();
    const dual = node({
      spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'] },
      status: { addresses: [{ type: 'InternalIP', address: '172.18.0.8' }, { type: 'InternalIP', address: 'fc00:f853:ccd:e793::8' }, { type: 'InternalIP', address: '172.18.0.99' }] },
    });
    expect(importNode(reader(dual, issues), issues)?.node).toMatchObject({
      ip: '172.18.0.8',
      ips: ['172.18.0.8', 'fc00:f853:ccd:e793::8'],
      podCIDR: '10.244.1.0/24',
      podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'],
    });
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].status.addresses[2]']);
    const v6 = node({ spec: { podCIDR: 'fd00:10:244:1::/64' }, status: { addresses: [{ type: 'InternalIP', address: 'fc00:f853:ccd:e793::8' }] } });
    const only6 = importNode(reader(v6), new IssueCollector())?.node;
    expect(only6).toEqual(expect.objectContaining({ ip: 'fc00:f853:ccd:e793::8', podCIDR: 'fd00:10:244:1::/64' }));
    expect(only6?.ips).toBeUndefined();
    expect(isIPv6('fd00::/64')).toBe(true);
    expect(isIPv6('10.0.0.0/8')).toBe(false);
  });

  it('leaves out a node without an IPv4 address, with an error', () => {
    const issues = new IssueCollector();
    expect(importNode(reader(node({ status: { addresses: [{ type: 'Hostname', address: 'x' }] } }), issues), issues)).toBeUndefined();
    expect(issues.errors[0]?.path).toBe('items[3].status.addresses');
  });

  it('reads annotation keys and flannel’s backend, nothing else of annotations', () => {
    const n = importNode(reader(node({ metadata: { name: 'n', annotations: { 'flannel.alpha.coreos.com/backend-type': 'host-gw', 'x/secret': 's3cr3t' } } })), new IssueCollector());
    expect(n?.annotationKeys).toEqual(['flannel.alpha.coreos.com/backend-type', 'x/secret']);
    expect(n?.flannelBackend).toBe('host-gw');
    expect(JSON.stringify(n)).not.toContain('s3cr3t');
  });
});

describe('importPod', () => {
  it('takes what networking needs', () => {
    const issues = new IssueCollector();
    const p = importPod(reader(pod({ dnsPolicy: 'ClusterFirst', hostname: 'web-1', subdomain: 'web', dnsConfig: { options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }), issues), issues);
    expect(p?.pod).toEqual({
      name: 'web-1',
      namespace: 'shop',
      ip: '10.244.1.5',
      labels: { app: 'web' },
      hostname: 'web-1',
      subdomain: 'web',
      dnsConfig: { options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] },
      ports: [{ name: 'http', containerPort: 8080 }],
    });
    expect(p?.nodeName).toBe('worker-1');
  });

  it('leaves the IP of a hostNetwork pod to the node, as the model does', () => {
    const p = importPod(reader(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }, { podIP: '192.168.56.11', podIPs: [{ ip: '192.168.56.11' }] })), new IssueCollector());
    expect(p?.pod).toMatchObject({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' });
    expect(p?.pod.ip).toBeUndefined();
    expect(p?.reportedIP).toBe('192.168.56.11');
  });

  it('leaves out unscheduled, finished and IP-less pods with a warning each', () => {
    const issues = new IssueCollector();
    expect(importPod(reader(pod({ nodeName: undefined }), issues), issues)).toBeUndefined();
    expect(importPod(reader(pod({}, { phase: 'Succeeded' }), issues), issues)).toBeUndefined();
    expect(importPod(reader(pod({}, { podIP: undefined, podIPs: undefined, phase: 'Pending' }), issues), issues)).toBeUndefined();
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].spec.nodeName', 'items[3].status.phase', 'items[3].status.podIP']);
  });

  it('keeps both families of a pod, warns about a hostPort; takes a not-ready pod as ready: false', () => {
    const issues = new IssueCollector();
    const p = importPod(
      reader(pod({ containers: [{ name: 'c', ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }] }, { podIPs: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }], conditions: [{ type: 'Ready', status: 'False' }] }), issues),
      issues,
    );
    expect(p?.pod.ip).toBe('10.244.1.5');
    expect(p?.pod.podIPs).toEqual(['10.244.1.5', 'fd00::5']);
    expect(p?.reportedIPs).toEqual(['10.244.1.5', 'fd00::5']);
    expect(p?.pod.ready).toBe(false);
    expect(p?.pod.terminating).toBeUndefined();
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].spec.containers[0].ports[0].hostPort']);
  });

  it('takes a deletionTimestamp as terminating, and a Ready pod as ready (the default, left out)', () => {
    const p = importPod(reader(pod({}, { conditions: [{ type: 'Ready', status: 'True' }] }, { deletionTimestamp: '2026-11-30T10:02:11Z' })), new IssueCollector());
    expect(p?.pod.terminating).toBe(true);
    expect(p?.pod.ready).toBeUndefined();
  });

  it('remembers the controlling owner and images, for detection', () => {
    const p = importPod(reader(pod({}, {}, { ownerReferences: [{ kind: 'DaemonSet', name: 'calico-node', controller: true }] })), new IssueCollector());
    expect(p?.owner).toBe('DaemonSet/calico-node');
    expect(p?.images).toEqual(['nginx']);
  });
});

describe('importService', () => {
  const svc = (spec: Json, status: Json = {}): Json => ({ kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec, status });

  it('takes type, ClusterIP, selector, ports and policies', () => {
    const issues = new IssueCollector();
    const s = importService(
      reader(
        svc(
          {
            type: 'LoadBalancer',
            clusterIP: '10.100.50.5',
            clusterIPs: ['10.100.50.5'],
            selector: { app: 'web' },
            ports: [{ name: 'https', port: 443, targetPort: 'http', nodePort: 31443, protocol: 'TCP' }],
            externalTrafficPolicy: 'Local',
            internalTrafficPolicy: 'Cluster',
            sessionAffinity: 'ClientIP',
          },
          { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
        ),
        issues,
      ),
      issues,
    );
    expect(s?.service).toEqual({
      name: 'web',
      namespace: 'shop',
      type: 'LoadBalancer',
      clusterIP: '10.100.50.5',
      selector: { app: 'web' },
      ports: [{ name: 'https', port: 443, targetPort: 'http', nodePort: 31443 }],
      externalTrafficPolicy: 'Local',
      sessionAffinity: 'ClientIP',
      loadBalancerIP: '203.0.113.10',
    });
    expect(issues.errors).toEqual([]);
  });

  it('keeps headless and ExternalName Services as such', () => {
    const issues = new IssueCollector();
    expect(importService(reader(svc({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4', 'IPv6'] })), issues)?.service.clusterIP).toBe('None');
    const ext = importService(reader(svc({ type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' })), issues);
    expect(ext?.service).toEqual({ name: 'web', namespace: 'shop', type: 'ExternalName', externalName: 'kubernetes.default.svc.cluster.local' });
    expect(issues.warnings).toEqual([]);
  });

  it('keeps the family fields aside for a dual-stack cluster, and warns about a hostname ingress', () => {
    const issues = new IssueCollector();
    const spec = { clusterIP: '10.96.125.19', clusterIPs: ['10.96.125.19', 'fd00:10:96::14f9'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' };
    const s = importService(reader(svc(spec, { loadBalancer: { ingress: [{ hostname: 'elb.example.com' }] } }), issues), issues);
    expect(s?.service.clusterIP).toBe('10.96.125.19');
    expect(s?.service.clusterIPs).toBeUndefined();
    expect(s?.family).toEqual({ clusterIPs: ['10.96.125.19', 'fd00:10:96::14f9'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' });
    expect(s?.service.loadBalancerIP).toBeUndefined();
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].status.loadBalancer.ingress[0]']);
  });

  it('warns about the fields kube-proxy acts on that the model has no place for', () => {
    const issues = new IssueCollector();
    const spec = { type: 'LoadBalancer', clusterIP: '10.96.3.3', externalIPs: ['198.51.100.7'], externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, allocateLoadBalancerNodePorts: false, trafficDistribution: 'PreferClose', loadBalancerSourceRanges: [] };
    const s = importService(reader(svc(spec), issues), issues);
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].spec.healthCheckNodePort', 'items[3].spec.allocateLoadBalancerNodePorts']);
    // externalIPs and trafficDistribution are modelled: imported as they are.
    expect(s?.service.trafficDistribution).toBe('PreferClose');
  });

  it('takes the IPv4 externalIPs and warns about the others', () => {
    const issues = new IssueCollector();
    const s = importService(reader(svc({ clusterIP: '10.96.3.3', externalIPs: ['198.51.100.7', '2001:db8::7'], ports: [{ port: 80 }] }), issues), issues);
    expect(s?.service.externalIPs).toEqual(['198.51.100.7']);
    expect(issues.warnings.map((w) => [w.path, w.message])).toEqual([['items[3].spec.externalIPs', "Service shop/web's external IP 2001:db8::7 is not shown: the import reads IPv4 external IPs only"]]);
  });

  it('reports an unknown trafficDistribution at its path and leaves it out', () => {
    const issues = new IssueCollector();
    const s = importService(reader(svc({ clusterIP: '10.96.3.3', trafficDistribution: 'PreferLocal' }), issues), issues);
    expect(s?.service).not.toHaveProperty('trafficDistribution');
    expect(issues.errors.map((e) => e.path)).toEqual(['items[3].spec.trafficDistribution']);
  });

  it('reports a bad ClusterIP at its path and still imports the Service', () => {
    const issues = new IssueCollector();
    const s = importService(reader(svc({ clusterIP: '10.96.0.300', ports: [{ port: 80 }] }), issues), issues);
    expect(s?.service).toEqual({ name: 'web', namespace: 'shop', ports: [{ port: 80 }] });
    expect(issues.errors.map((e) => [e.path, e.message])).toEqual([['items[3].spec.clusterIP', 'ClusterIP "10.96.0.300" is not an IPv4 address; it was left out (the model allocates a free one)']]);
  });
});

describe('importEndpointSlice', () => {
  it('reads endpoints with conditions as the API defines their absence', () => {
    const issues = new IssueCollector();
    const s = importEndpointSlice(
      reader(
        {
          kind: 'EndpointSlice',
          addressType: 'IPv4',
          metadata: { name: 'web-abc', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'web' } },
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
          endpoints: [
            { addresses: ['10.244.1.5'], nodeName: 'worker-1', zone: 'zone-a', hints: { forZones: [{ name: 'zone-a' }] } },
            { addresses: ['10.244.2.9'], conditions: { ready: false, serving: true, terminating: true }, targetRef: { kind: 'Pod', namespace: 'shop', name: 'web-3' } },
          ],
        },
        issues,
      ),
      issues,
    );
    expect(s?.service).toBe('web');
    expect(s?.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 8080 }]);
    expect(s?.endpoints).toEqual([
      { addresses: ['10.244.1.5'], ready: true, serving: true, terminating: false, nodeName: 'worker-1', zone: 'zone-a', hintZones: ['zone-a'] },
      { addresses: ['10.244.2.9'], ready: false, serving: true, terminating: true, targetRef: 'Pod/shop/web-3' },
    ]);
    // Hints are judged against the Service (checkSlices), not when the slice is read.
    expect(issues.warnings).toEqual([]);
  });

  it('reads IPv6 slices, and warns that an FQDN slice is not shown', () => {
    const issues = new IssueCollector();
    expect(importEndpointSlice(reader({ kind: 'EndpointSlice', addressType: 'IPv6', metadata: { name: 'x' }, endpoints: [{ addresses: ['fd00:10:244:1::5'] }] }, issues), issues)?.endpoints[0]?.addresses).toEqual(['fd00:10:244:1::5']);
    expect(issues.warnings).toEqual([]);
    importEndpointSlice(reader({ kind: 'EndpointSlice', addressType: 'FQDN', metadata: { name: 'y' }, endpoints: [] }, issues), issues);
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].addressType']);
  });
});

describe('NetworkPolicies and Namespaces', () => {
  it('reads peers, named ports, endPort and ipBlock except', () => {
    const issues = new IssueCollector();
    const p = importPolicy(
      reader(
        {
          kind: 'NetworkPolicy',
          metadata: { name: 'np', namespace: 'shop' },
          spec: {
            podSelector: { matchLabels: { app: 'db' } },
            ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } }, podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 'postgres', protocol: 'TCP' }] }],
            egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] } }], ports: [{ port: 32000, endPort: 32768, protocol: 'TCP' }] }],
            policyTypes: ['Ingress', 'Egress'],
          },
        },
        issues,
      ),
      issues,
    );
    expect(p?.policy).toEqual({
      name: 'np',
      namespace: 'shop',
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } }, namespaceSelector: { matchLabels: { env: 'prod' } } }], ports: [{ protocol: 'TCP', port: 'postgres' }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12'] } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }],
    });
    expect(issues.warnings).toEqual([]);
  });

  it('keeps `ingress: [{}]` as one rule that allows everything', () => {
    const p = importPolicy(reader({ kind: 'NetworkPolicy', metadata: { name: 'all' }, spec: { podSelector: {}, ingress: [{}] } }), new IssueCollector());
    expect(p?.policy).toEqual({ name: 'all', namespace: 'default', podSelector: {}, ingress: [{}] });
  });

  it('reads matchExpressions with all four operators', () => {
    const issues = new IssueCollector();
    const selector = importSelector(
      reader({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }, { key: 'tier', operator: 'NotIn', values: ['db'] }, { key: 'team', operator: 'Exists' }, { key: 'quarantine', operator: 'DoesNotExist' }] }, issues),
      'NetworkPolicy shop/x',
      issues,
    );
    expect(selector).toEqual({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'staging'] },
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'team', operator: 'Exists' },
        { key: 'quarantine', operator: 'DoesNotExist' },
      ],
    });
    expect(issues.warnings).toEqual([]);
    expect(issues.errors).toEqual([]);
  });

  it('leaves out a requirement with an unknown operator or no key, located, and keeps the rest', () => {
    const issues = new IssueCollector();
    const selector = importSelector(reader({ matchExpressions: [{ key: 'env', operator: 'Equals', values: ['a'] }, { operator: 'Exists' }, { key: 'team', operator: 'Exists' }] }, issues), 'NetworkPolicy shop/x', issues);
    expect(selector).toEqual({ matchExpressions: [{ key: 'team', operator: 'Exists' }] });
    expect(issues.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'items[3].matchExpressions[0].operator: "Equals" is not one of In, NotIn, Exists, DoesNotExist; it was left out',
      'items[3].matchExpressions[1]: NetworkPolicy shop/x: a matchExpressions requirement without a key was left out',
    ]);
    expect(issues.warnings.map((w) => w.path)).toEqual(['items[3].matchExpressions[0]', 'items[3].matchExpressions[1]']);
  });

  it('reads namespace labels', () => {
    expect(importNamespace(reader({ kind: 'Namespace', metadata: { name: 'shop', labels: { env: 'prod' } } }), new IssueCollector())?.namespace).toEqual({ name: 'shop', labels: { env: 'prod' } });
  });
});

describe('importDns', () => {
  const service = (namespace: string, name: string, clusterIP: string) => ({
    service: { name, namespace, clusterIP, ...(name === 'kube-dns' ? { selector: { 'k8s-app': 'kube-dns' } } : {}) },
    at: { path: `items[9]` },
  });

  it('takes kube-system/kube-dns as the cluster DNS, and CoreDNS from the image', () => {
    const issues = new IssueCollector();
    const coredns = { pod: { name: 'coredns-1', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, nodeName: 'n', reportedIP: '', at: { path: '' }, images: ['registry.k8s.io/coredns/coredns:v1.11.3'] };
    const r = importDns([service('shop', 'web', '10.96.0.20'), service('kube-system', 'kube-dns', '10.96.0.10')], [coredns], '10.96.0.0/12', issues);
    expect(r.dns).toEqual({ provider: 'coredns', clusterIP: '10.96.0.10' });
    expect(r.service?.service.name).toBe('kube-dns');
    expect(issues.warnings).toEqual([]);
  });

  it('warns when kube-dns selects other pods than the model’s kube-dns would', () => {
    const issues = new IssueCollector();
    const custom = { service: { name: 'kube-dns', namespace: 'kube-system', clusterIP: '10.96.0.10', selector: { app: 'my-dns' } }, at: { path: 'items[2]' } };
    importDns([custom], [], '10.96.0.0/12', issues);
    expect(issues.warnings).toEqual([{ path: 'items[2]', message: "Service kube-system/kube-dns selects app=my-dns; the model's kube-dns selects k8s-app=kube-dns, so its DNS pods may differ" }]);
  });

  it('takes another Service at the tenth service address as the DNS, with a warning', () => {
    const issues = new IssueCollector();
    const r = importDns([service('openshift-dns', 'dns-default', '172.30.0.10')], [], '172.30.0.0/16', issues);
    expect(r.dns).toEqual({ clusterIP: '172.30.0.10' });
    expect(issues.warnings[0]?.message).toMatch(/^Service openshift-dns\/dns-default holds the cluster DNS address 172.30.0.10/);
  });

  it('finds none when nothing holds the DNS address', () => {
    expect(importDns([service('shop', 'web', '10.96.0.20')], [], '10.96.0.0/12', new IssueCollector())).toEqual({ dns: {} });
  });
});
