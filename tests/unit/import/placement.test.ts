import { describe, expect, it } from 'vitest';
import { applySliceConditions, checkSlices, selectorlessSlices, type ImportedEndpointSlice } from '../../../src/import/endpoint-slices.ts';
import { formatIssue, IssueCollector } from '../../../src/import/issues.ts';
import { importNetwork } from '../../../src/import/network.ts';
import type { ImportedNode } from '../../../src/import/nodes.ts';
import { attachPods, fillMissingPodCIDRs, fitCalicoBlocks } from '../../../src/import/placement.ts';
import type { ImportedPod } from '../../../src/import/pods.ts';
import type { ImportedService } from '../../../src/import/services.ts';

const node = (name: string, ip: string, podCIDR: string): ImportedNode => ({ node: { name, ip, podCIDR }, at: { path: `nodes/${name}` }, missingPodCIDR: podCIDR === '', annotationKeys: [] });
const pod = (name: string, nodeName: string, ip: string, hostNetwork = false): ImportedPod => ({
  pod: { name, namespace: 'default', ...(hostNetwork ? { hostNetwork } : { ip }) },
  nodeName,
  reportedIP: ip,
  at: { path: `pods/${name}` },
  images: [],
});

describe('placement', () => {
  it('attaches pods to their nodes', () => {
    const issues = new IssueCollector();
    const a = node('a', '10.0.0.1', '10.244.0.0/24');
    const placed = attachPods([a], [pod('p', 'a', '10.244.0.5'), pod('q', 'zz', '10.244.9.5')], issues);
    expect(placed.get(a)?.map((p) => p.pod.name)).toEqual(['p']);
    expect(issues.warnings.map(formatIssue)).toEqual(['pods/q: pod default/q was left out: its node zz is not in the paste']);
  });

  it('infers a missing pod range from workload pods only, at most a /24', () => {
    const issues = new IssueCollector();
    const a = node('a', '10.0.0.1', '');
    fillMissingPodCIDRs(new Map([[a, [pod('p', 'a', '10.129.2.9'), pod('h', 'a', '10.0.0.1', true)]]]), issues);
    expect(a.node.podCIDR).toBe('10.129.2.0/24');
    const b = node('b', '10.0.0.2', '');
    fillMissingPodCIDRs(new Map([[b, [pod('h', 'b', '10.0.0.2', true)]]]), issues);
    expect(b.node.podCIDR).toBe('');
    expect(issues.warnings.at(-1)?.message).toBe('Node b has no spec.podCIDR and no pod with an IP to infer one from');
  });

  it('fits Calico nodes to their pods’ /26 blocks, and leaves other plugins alone', () => {
    const issues = new IssueCollector();
    const a = node('a', '10.0.0.1', '192.168.0.0/24');
    const pods = [pod('p', 'a', '192.168.171.70'), pod('q', 'a', '192.168.171.200')];
    fitCalicoBlocks(new Map([[a, pods]]), { name: 'flannel', backend: 'vxlan' }, issues);
    expect(a.node.podCIDR).toBe('192.168.0.0/24');
    fitCalicoBlocks(new Map([[a, pods]]), { name: 'calico', mode: 'bgp' }, issues);
    expect(a.node.podCIDR).toBe('192.168.171.0/24');
    expect(issues.warnings[0]?.message).toContain("(192.168.171.64/26, 192.168.171.192/26)");
  });
});

describe('importNetwork', () => {
  const service = (clusterIP: string): ImportedService => ({ service: { name: 's', namespace: 'default', clusterIP }, at: { path: '' } });

  it('infers every range and records how', () => {
    const assumptions: string[] = [];
    const network = importNetwork([node('a', '172.18.0.2', '10.42.0.0/24')], [pod('p', 'a', '10.42.0.9')], [service('10.43.0.10')], '10.43.0.1', { name: 'flannel', backend: 'vxlan' }, {}, assumptions);
    expect(network).toEqual({ nodeCIDR: '172.18.0.0/24', clusterCIDR: '10.42.0.0/16', serviceCIDR: '10.43.0.0/16' });
    expect(assumptions).toHaveLength(4);
    expect(assumptions.at(-1)).toMatch(/^cluster domain cluster.local/);
  });

  it('keeps what the reader gives', () => {
    const assumptions: string[] = [];
    const given = { nodeCIDR: '172.18.0.0/16', clusterCIDR: '10.42.0.0/15', serviceCIDR: '10.43.0.0/24', clusterDomain: 'corp.local' };
    expect(importNetwork([node('a', '172.18.0.2', '10.42.0.0/24')], [], [], undefined, { name: 'bridge' }, given, assumptions)).toEqual(given);
    expect(assumptions).toEqual([]);
  });
});

describe('checkSlices', () => {
  const slice = (service: string, addresses: string[]): ImportedEndpointSlice => ({
    name: `${service}-x`,
    namespace: 'default',
    service,
    addressType: 'IPv4',
    ports: [],
    endpoints: addresses.map((a) => ({ addresses: [a], ready: true, serving: true, terminating: false })),
    at: { path: `slices/${service}` },
  });
  const svc = (name: string, selector?: Record<string, string>): ImportedService => ({ service: { name, namespace: 'default', ...(selector ? { selector } : {}) }, at: { path: '' } });

  it('warns about endpoints that are no pods of the paste, but not about a selector-less Service\'s own slices', () => {
    const issues = new IssueCollector();
    checkSlices([slice('web', ['10.244.0.5', '10.244.0.6']), slice('ext', ['203.0.113.4']), slice('gone', ['10.244.0.7'])], [svc('web', { app: 'web' }), svc('ext')], [pod('p', 'a', '10.244.0.5')], issues);
    expect(issues.warnings.map(formatIssue)).toEqual([
      'slices/web: 1 of 2 endpoint(s) of EndpointSlice default/web-x (10.244.0.6) are not pods in the paste, so the model cannot show them',
    ]);
  });

  it('reads the slices of selector-less Services into the model, dropping nodeNames of nodes not in the paste', () => {
    const ext = { ...slice('ext', ['203.0.113.4', '203.0.113.5']), managedBy: 'staff', ports: [{ name: 'pg', protocol: 'TCP', port: 5432 }, { name: 'x', protocol: 'UDP' }] };
    ext.endpoints[0] = { ...ext.endpoints[0]!, nodeName: 'node-a' };
    ext.endpoints[1] = { ...ext.endpoints[1]!, ready: false, nodeName: 'elsewhere' };
    expect(selectorlessSlices([slice('web', ['10.244.0.5']), ext, { ...slice('v6', ['2001:db8::1']), addressType: 'IPv6' }], [svc('web', { app: 'web' }), svc('ext'), svc('v6')], new Set(['node-a']))).toEqual([{
      name: 'ext-x', service: 'ext', managedBy: 'staff',
      ports: [{ name: 'pg', port: 5432 }],
      endpoints: [{ addresses: ['203.0.113.4'], nodeName: 'node-a' }, { addresses: ['203.0.113.5'], ready: false }],
    }]);
  });
});

describe('checkSlices and topology hints', () => {
  const hinted: ImportedEndpointSlice = {
    name: 'web-x', namespace: 'default', service: 'web', addressType: 'IPv4', ports: [],
    endpoints: [{ addresses: ['10.244.0.5'], ready: true, serving: true, terminating: false, zone: 'zone-a', hintZones: ['zone-a'] }],
    at: { path: 'slices/web' },
  };
  const web = (trafficDistribution?: 'PreferSameZone'): ImportedService => ({ service: { name: 'web', namespace: 'default', selector: { app: 'web' }, ...(trafficDistribution ? { trafficDistribution } : {}) }, at: { path: '' } });

  it('accepts hints the model derives itself (the Service has a trafficDistribution)', () => {
    const issues = new IssueCollector();
    checkSlices([hinted], [web('PreferSameZone')], [pod('p', 'a', '10.244.0.5')], issues);
    expect(issues.warnings).toEqual([]);
  });
  it('warns about hints of the topology-mode annotation, which the model does not derive', () => {
    const issues = new IssueCollector();
    checkSlices([hinted], [web()], [pod('p', 'a', '10.244.0.5')], issues);
    expect(issues.warnings.map(formatIssue)).toEqual([
      'slices/web: topology hints of EndpointSlice default/web-x (1 endpoint(s), zones zone-a) come from the topology-mode annotation, which the model does not show: kube-proxy follows them',
    ]);
  });
});

describe('applySliceConditions', () => {
  const slice = (endpoints: ImportedEndpointSlice['endpoints']): ImportedEndpointSlice => ({
    name: 'web-x',
    namespace: 'default',
    service: 'web',
    addressType: 'IPv4',
    ports: [],
    endpoints,
    at: { path: 'slices/web' },
  });

  it('puts each endpoint\'s conditions on its pod (by targetRef, else by address) and says where the status disagreed', () => {
    const issues = new IssueCollector();
    const a = pod('a', 'n', '10.244.0.5');
    const b = pod('b', 'n', '10.244.0.6');
    const c = pod('c', 'n', '10.244.0.7');
    c.pod.ready = false;
    applySliceConditions(
      [
        slice([
          { addresses: ['10.244.0.5'], ready: false, serving: true, terminating: true, targetRef: 'Pod/default/a' },
          { addresses: ['10.244.0.6'], ready: false, serving: false, terminating: false },
          { addresses: ['10.244.0.7'], ready: false, serving: false, terminating: false, targetRef: 'Pod/default/c' },
        ]),
      ],
      [a, b, c],
      issues,
    );
    expect([a.pod.ready, a.pod.terminating]).toEqual([undefined, true]);
    expect([b.pod.ready, b.pod.terminating]).toEqual([false, undefined]);
    // c's own status already said not ready: nothing to say.
    expect([c.pod.ready, c.pod.terminating]).toEqual([false, undefined]);
    expect(issues.warnings.map(formatIssue)).toEqual([
      "slices/web: EndpointSlice default/web-x says pod default/a is ready=false serving=true terminating=true, its status said ready=true serving=true terminating=false; the slice's conditions are used, as kube-proxy reads the slices",
      "slices/web: EndpointSlice default/web-x says pod default/b is ready=false serving=false terminating=false, its status said ready=true serving=true terminating=false; the slice's conditions are used, as kube-proxy reads the slices",
    ]);
  });

  it('makes a ready endpoint ready again when the pod status said otherwise', () => {
    const issues = new IssueCollector();
    const a = pod('a', 'n', '10.244.0.5');
    a.pod.ready = false;
    a.pod.terminating = true;
    applySliceConditions([slice([{ addresses: ['10.244.0.5'], ready: true, serving: true, terminating: false }])], [a], issues);
    expect([a.pod.ready, a.pod.terminating]).toEqual([undefined, undefined]);
    expect(issues.warnings).toHaveLength(1);
  });
});
