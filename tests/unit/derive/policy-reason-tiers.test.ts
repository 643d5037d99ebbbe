/**
 * Reasons and matrix labels when ClusterNetworkPolicy tiers decide, on the example cluster
 * diagrams/cluster-network-policy.ts (the NetworkPolicy cluster plus Admin and Baseline policies).
 */
import { describe, expect, it } from 'vitest';
import { resolveCluster } from '../../../src/model/index.ts';
import { findPod } from '../../../src/derive/lookup.ts';
import { connectionVerdict, type PortProbe } from '../../../src/derive/network-policy.ts';
import { sideLabel, sideReason, verdictDeciders, verdictReason } from '../../../src/derive/policy-reason.ts';
import example from '../../../diagrams/cluster-network-policy.ts';
import policyOnly from '../../../diagrams/network-policy.ts';

const c = resolveCluster(example, 'cluster-network-policy');
const pod = (ref: string) => findPod(c, ref);
const verdict = (from: string, to: string, probe: PortProbe) => connectionVerdict(c, pod(from), pod(to), probe);
const tcp = (port: number): PortProbe => ({ protocol: 'TCP', port });

describe('tier reasons', () => {
  it('an Admin Deny overrides the NetworkPolicy that allows any source', () => {
    const v = verdict('default/debug', 'shop/frontend', tcp(8080));
    expect(v.allowed).toBe(false);
    expect(sideReason(c, pod('shop/frontend'), 'Ingress', v.ingress)).toBe('ingress: denied by Admin shop-guard (priority 30) ingress rule 2 "deny-others": Deny');
    expect(verdictDeciders(v)).toEqual([{ side: 'ingress', label: 'Admin shop-guard/deny-others' }]);
    // Without the ClusterNetworkPolicies, the same connection is allowed by the NetworkPolicy.
    const np = resolveCluster(policyOnly, 'network-policy');
    expect(connectionVerdict(np, findPod(np, 'default/debug'), findPod(np, 'shop/frontend'), tcp(8080)).allowed).toBe(true);
  });

  it('an Admin Pass hands metrics scrapes to the NetworkPolicy, and says so', () => {
    const v = verdict('monitoring/prometheus', 'shop/backend', tcp(9090));
    expect(v.allowed).toBe(true);
    expect(sideReason(c, pod('shop/backend'), 'Ingress', v.ingress)).toBe(
      'ingress: Admin shop-guard (priority 30) ingress rule 1 "pass-metrics": Pass hands it on; allowed by shop/backend-metrics-from-monitoring ingress rule 1',
    );
    expect(sideLabel(v.ingress)).toBe('NetworkPolicy backend-metrics-from-monitoring (after Pass)');
    expect(verdictDeciders(v)).toEqual([{ side: 'ingress', label: 'NetworkPolicy backend-metrics-from-monitoring (after Pass)' }]);
  });

  it('DNS: an Admin Accept on egress and a Baseline Accept on ingress both decide', () => {
    const v = verdict('shop/frontend', 'kube-system/coredns-1', { protocol: 'UDP', port: 53 });
    expect(v.allowed).toBe(true);
    expect(verdictDeciders(v).map((d) => d.label)).toEqual(['Admin cluster-dns/accept-dns', 'Baseline dns-ingress/accept-dns']);
    expect(verdictReason(c, pod('shop/frontend'), pod('kube-system/coredns-1'), v)).toBe(
      'UDP 53 allowed. egress: allowed by Admin cluster-dns (priority 10) egress rule 1 "accept-dns": Accept; ingress: allowed by Baseline dns-ingress (priority 10) ingress rule 1 "accept-dns": Accept',
    );
  });

  it('the Baseline default deny applies only where no NetworkPolicy isolates the pod', () => {
    const toPrometheus = verdict('default/debug', 'monitoring/prometheus', tcp(9090));
    expect(toPrometheus.ingress).toMatchObject({ decidedBy: 'Baseline', allowed: false });
    const toBackend = verdict('shop/frontend', 'shop/backend', tcp(8080));
    expect(toBackend.ingress.decidedBy).toBe('NetworkPolicy');
    expect(toBackend.allowed).toBe(true);
    const metricsFromFrontend = verdict('shop/frontend', 'shop/backend', tcp(9090));
    expect(verdictDeciders(metricsFromFrontend).map((d) => `${d.side}: ${d.label}`)).toEqual(['egress: NetworkPolicy: none allows (after Pass)', 'ingress: NetworkPolicy: none allows (after Pass)']);
  });

  it('egress left to the default is explained as such, and the denying side alone is shown', () => {
    const v = verdict('default/debug', 'monitoring/prometheus', tcp(9090));
    expect(sideReason(c, pod('default/debug'), 'Egress', v.egress)).toBe(
      'egress: no Admin rule decides, no NetworkPolicy isolates default/debug for egress, no Baseline rule decides, so allowed by default',
    );
    expect(verdictDeciders(v)).toEqual([{ side: 'ingress', label: 'Baseline default-deny-ingress/deny-all' }]);
  });
});

describe('priority order (the page\'s "Try it")', () => {
  it('moving shop-guard to priority 15, before shop-internal, denies frontend to backend', () => {
    const moved = structuredClone(example);
    moved.clusterNetworkPolicies!.find((p) => p.name === 'shop-guard')!.priority = 15;
    const m = resolveCluster(moved, 'moved');
    const v = connectionVerdict(m, findPod(m, 'shop/frontend'), findPod(m, 'shop/backend'), tcp(8080));
    expect(v.allowed).toBe(false);
    expect(verdictDeciders(v)).toEqual([{ side: 'ingress', label: 'Admin shop-guard/deny-others' }]);
    expect(verdict('shop/frontend', 'shop/backend', tcp(8080)).allowed).toBe(true);
  });
});
