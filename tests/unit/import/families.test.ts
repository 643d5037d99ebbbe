/** The dual-stack steps of the import (src/import/families.ts) on small read objects. */
import { describe, expect, it } from 'vitest';
import { alignFamilies, applyServiceFamilies, primaryFamily, primaryFirst } from '../../../src/import/families.ts';
import type { ImportedNode } from '../../../src/import/nodes.ts';
import type { ImportedPod } from '../../../src/import/pods.ts';
import { IssueCollector } from '../../../src/import/issues.ts';
import { importPod } from '../../../src/import/pods.ts';
import { Reader } from '../../../src/import/read.ts';
import type { ImportedService } from '../../../src/import/services.ts';

const at = { path: 'items[0]' };
const node = (ip: string, podCIDR: string, ips?: string[], podCIDRs?: string[]): ImportedNode => ({
  node: { name: 'n', ip, podCIDR, ...(ips ? { ips } : {}), ...(podCIDRs ? { podCIDRs } : {}) },
  at,
  missingPodCIDR: podCIDR === '',
  annotationKeys: [],
});
const pod = (ip: string, podIPs?: string[]): ImportedPod => ({ pod: { name: 'p', namespace: 'default', ip, ...(podIPs ? { podIPs } : {}) }, nodeName: 'n', reportedIP: ip, at, images: [] });
const svc = (name: string, family?: ImportedService['family']): ImportedService => ({ service: { name, namespace: 'default', clusterIP: family?.clusterIPs[0] ?? '10.96.0.5' }, at, ...(family ? { family } : {}) });

describe('primaryFamily', () => {
  it('is the family of the first node pod range, else of its address, else of a pod, else IPv4', () => {
    expect(primaryFamily([node('192.168.1.10', 'fd00:10:244::/64', undefined, ['fd00:10:244::/64', '10.244.0.0/24'])], [])).toBe('IPv6');
    expect(primaryFamily([node('fc00::10', '')], [])).toBe('IPv6');
    expect(primaryFamily([], [pod('fd00::5')])).toBe('IPv6');
    expect(primaryFamily([], [])).toBe('IPv4');
  });
});

describe('primaryFirst and alignFamilies', () => {
  it('puts the primary family first and sets the single fields to it', () => {
    expect(primaryFirst(['fd00::1', '10.0.0.1'], 'IPv4')).toEqual(['10.0.0.1', 'fd00::1']);
    const n = node('fc00::10', 'fd00:10:244::/64', ['fc00::10', '192.168.1.10'], ['fd00:10:244::/64', '10.244.0.0/24']);
    const p = pod('fd00:10:244::5', ['fd00:10:244::5', '10.244.0.5']);
    alignFamilies([n], [p], 'IPv4');
    expect(n.node).toMatchObject({ ip: '192.168.1.10', ips: ['192.168.1.10', 'fc00::10'], podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24', 'fd00:10:244::/64'] });
    expect(p.pod).toMatchObject({ ip: '10.244.0.5', podIPs: ['10.244.0.5', 'fd00:10:244::5'] });
  });
});

describe('applyServiceFamilies', () => {
  const dual = { clusterIPs: ['10.96.0.20', 'fd00:10:96::20'], ipFamilies: ['IPv4' as const, 'IPv6' as const], ipFamilyPolicy: 'PreferDualStack' as const };
  it('copies the family fields only on a cluster with service ranges of both families', () => {
    const single = svc('web', dual);
    expect(applyServiceFamilies([single], { nodeCIDR: '192.168.1.0/24', serviceCIDR: '10.96.0.0/12' }, undefined)).toEqual({});
    expect(single.service.clusterIPs).toBeUndefined();
    const web = svc('web', dual);
    const dns = svc('kube-dns', { clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' });
    const network = { nodeCIDR: '192.168.1.0/24', serviceCIDR: '10.96.0.0/12', serviceCIDRs: ['10.96.0.0/12', 'fd00:10:96::/112'] };
    expect(applyServiceFamilies([web], network, dns)).toEqual({ clusterIPs: ['10.96.0.10', 'fd00:10:96::a'] });
    expect(web.service).toMatchObject({ clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.20', 'fd00:10:96::20'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' });
  });
});

describe('importPod on unreadable addresses', () => {
  it('keeps an unreadable first address (as before dual-stack) so validation names the pod', () => {
    const issues = new IssueCollector();
    const read = new Reader({ kind: 'Pod', metadata: { name: 'p' }, spec: { nodeName: 'n' }, status: { podIP: '10.244.1.300', podIPs: [{ ip: '10.244.1.300' }, { ip: 'fd00::x' }] } }, at, issues);
    expect(importPod(read, issues)?.pod.ip).toBe('10.244.1.300');
    expect(issues.errors.map((e) => [e.path, e.message])).toEqual([
      ['items[0].status.podIP', 'pod IP "10.244.1.300" is not an IPv4 address'],
      ['items[0].status.podIPs[1]', 'pod IP "fd00::x" is not an IPv6 address'],
    ]);
  });
});
