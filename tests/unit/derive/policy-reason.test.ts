import { describe, expect, it } from 'vitest';
import { defineCluster, resolveCluster } from '../../../src/model/index.ts';
import type { Cluster } from '../../../src/model/types.ts';
import { findPod } from '../../../src/derive/lookup.ts';
import { connectionVerdict, policyMatrix } from '../../../src/derive/network-policy.ts';
import { cellReasons, sideReason, verdictReason } from '../../../src/derive/policy-reason.ts';

function shop(): Cluster {
  return resolveCluster(defineCluster({
    title: 'Test', description: 'Test cluster',
    network: { nodeCIDR: '192.168.1.0/24', clusterCIDR: '172.16.0.0/16' },
    plugin: { name: 'calico', mode: 'bgp' },
    namespaces: [{ name: 'shop' }],
    nodes: [{
      name: 'node-1', ip: '192.168.1.11', podCIDR: '172.16.0.0/24',
      pods: [
        { name: 'web', namespace: 'shop', ip: '172.16.0.10', labels: { app: 'web' }, ports: [{ name: 'http', containerPort: 8080 }] },
        { name: 'api', namespace: 'shop', ip: '172.16.0.11', labels: { app: 'api' }, ports: [{ containerPort: 9090 }, { containerPort: 9091 }] },
        { name: 'tool', namespace: 'shop', ip: '172.16.0.12', labels: { app: 'tool' } },
      ],
    }],
    networkPolicies: [
      { name: 'deny-all', namespace: 'shop', podSelector: {}, policyTypes: ['Ingress'] },
      { name: 'api-from-web', namespace: 'shop', podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'tool' } } }] }, { from: [{ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } }], ports: [{ port: 9090 }] }] },
    ],
  }), 'test');
}

describe('policy reasons', () => {
  const c = shop();
  const [web, api, tool] = ['shop/web', 'shop/api', 'shop/tool'].map((r) => findPod(c, r)) as [ReturnType<typeof findPod>, ReturnType<typeof findPod>, ReturnType<typeof findPod>];

  it('names the policy and rule (1-based) that allowed a connection, and the non-isolated side', () => {
    const v = connectionVerdict(c, web, api, { protocol: 'TCP', port: 9090 });
    expect(verdictReason(c, web, api, v)).toBe(
      'TCP 9090 allowed. egress: shop/web is not isolated for egress (no NetworkPolicy selects it with Egress in policyTypes), so allowed; ingress: allowed by shop/api-from-web ingress rule 2',
    );
  });

  it('says the pod is isolated and by which policies when nothing matched', () => {
    const v = connectionVerdict(c, web, api, { protocol: 'TCP', port: 9091 });
    expect(v.allowed).toBe(false);
    expect(sideReason(c, api, 'Ingress', v.ingress)).toBe('ingress: shop/api is isolated for ingress by shop/deny-all, shop/api-from-web, and no rule of them matches, so denied');
    const toWeb = connectionVerdict(c, api, web, { protocol: 'TCP', port: 8080 });
    expect(verdictReason(c, api, web, toWeb)).toMatch(/^TCP 8080 denied\. .*ingress: shop\/web is isolated for ingress by shop\/deny-all, and no rule of them matches, so denied$/);
  });

  it('gives one reason per probed port of a matrix cell, and the self case', () => {
    const m = policyMatrix(c);
    const i = m.pods.indexOf('shop/tool');
    const j = m.pods.indexOf('shop/api');
    const reasons = cellReasons(c, tool, api, m.cells[i]![j]!);
    expect(reasons).toHaveLength(2);
    expect(reasons.every((r) => r.endsWith('allowed by shop/api-from-web ingress rule 1'))).toBe(true);
    expect(cellReasons(c, api, api, m.cells[j]![j]!)[0]).toBe('TCP 9090 allowed: a pod can always reach itself');
  });
});
