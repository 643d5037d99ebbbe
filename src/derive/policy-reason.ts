/**
 * Why a NetworkPolicy verdict came out as it did, in words: which policy and rule allowed each
 * side, or that the pod is isolated and no rule of the policies selecting it matched. Built on
 * the decisions `connectionVerdict` already records (network-policy.ts); the semantics are
 * kubernetes.io/docs/concepts/services-networking/network-policies ("The two sorts of pod
 * isolation": a connection needs egress allowed at the source and ingress at the destination).
 */
import type { Cluster, Pod } from '../model/types.ts';
import { formatTierRule, type TierRuleMatch } from './cluster-network-policy.ts';
import { formatProbe, policiesFor, refOf, type ConnectionVerdict, type MatrixCell, type PolicyDirection, type SideDecision } from './network-policy.ts';

/** One side's reason, e.g. `ingress allowed by shop/web-allow ingress rule 1`. */
export function sideReason(cluster: Cluster, pod: Pod, direction: PolicyDirection, decision: SideDecision): string {
  const side = direction.toLowerCase();
  // ClusterNetworkPolicy tiers (cluster-network-policy.ts): a rule decided, or Pass rules handed on.
  const passed = decision.passedBy.map((p) => `${formatTierRule(p, direction)} hands it on; `).join('');
  if (decision.rule) {
    const tie = decision.rule.tiedWith.length ? ` (${decision.rule.tiedWith.join(', ')} shares its priority and matches differently: undefined upstream)` : '';
    return `${side}: ${passed}${decision.allowed ? 'allowed' : 'denied'} by ${formatTierRule(decision.rule, direction)}${tie}`;
  }
  if (decision.decidedBy === 'Default' && cluster.clusterNetworkPolicies?.length) {
    return `${side}: ${passed}no Admin rule decides, no NetworkPolicy isolates ${refOf(pod)} for ${side}, no Baseline rule decides, so allowed by default`;
  }
  if (passed) return `${side}: ${passed}${sideReason(cluster, pod, direction, { ...decision, passedBy: [] }).slice(side.length + 2)}`;
  if (!decision.isolated) return `${side}: ${refOf(pod)} is not isolated for ${side} (no NetworkPolicy selects it with ${direction} in policyTypes), so allowed`;
  if (decision.allowed) {
    const rules = decision.allowedBy.map((a) => `${a.policy} ${side} rule ${a.rule + 1}`).join(', ');
    return `${side}: allowed by ${rules}${decision.viaIpBlock ? ' (through an ipBlock that holds the pod IP)' : ''}`;
  }
  const policies = policiesFor(cluster, pod, direction).map(refOf).join(', ');
  return `${side}: ${refOf(pod)} is isolated for ${side} by ${policies}, and no rule of them matches, so denied`;
}

/** The reason for one port's verdict, both sides, e.g. `TCP 8080 allowed. egress: ...; ingress: ...`. */
export function verdictReason(cluster: Cluster, from: Pod, to: Pod, verdict: ConnectionVerdict): string {
  const port = formatProbe(verdict.port);
  if (verdict.self) return `${port} allowed: a pod can always reach itself`;
  const egress = sideReason(cluster, from, 'Egress', verdict.egress);
  const ingress = sideReason(cluster, to, 'Ingress', verdict.ingress);
  return `${port} ${verdict.allowed ? 'allowed' : 'denied'}. ${egress}; ${ingress}`;
}

/** The reasons for every probed port of a matrix cell, one line each. */
export function cellReasons(cluster: Cluster, from: Pod, to: Pod, cell: MatrixCell): string[] {
  return cell.ports.map((v) => verdictReason(cluster, from, to, v));
}

/** The tier rule that decided, as a short label: `Admin shop-guard/deny-others` (rule number when unnamed). */
export function tierRuleLabel(rule: TierRuleMatch): string {
  return `${rule.tier} ${rule.policy}/${rule.ruleName ?? `rule ${rule.rule + 1}`}`;
}

/**
 * One side's decider as a short label for a matrix cell, e.g. `NetworkPolicy backend-from-frontend`
 * (the policy selects the pod, so its namespace is the pod's), `NetworkPolicy: none allows`,
 * `Baseline default-deny-ingress/deny-all` or `default allow`; ` (after Pass)` when a Pass rule
 * handed the decision down. Whether it allowed or denied is the cell's own verdict.
 */
export function sideLabel(decision: SideDecision): string {
  if (decision.rule) return tierRuleLabel(decision.rule);
  const after = decision.passedBy.length ? ' (after Pass)' : '';
  if (decision.decidedBy === 'Default') return `default allow${after}`;
  if (!decision.allowed) return `NetworkPolicy: none allows${after}`;
  const names = [...new Set(decision.allowedBy.map((a) => a.policy.slice(a.policy.indexOf('/') + 1)))];
  return `NetworkPolicy ${names.join(', ')}${after}`;
}

/**
 * What decided one port's verdict, per side that mattered: the denying side(s) of a denied
 * connection, or the sides a rule allowed (both default: `default allow`).
 */
export function verdictDeciders(verdict: ConnectionVerdict): Array<{ side: 'egress' | 'ingress'; label: string }> {
  if (verdict.self) return [];
  const sides = [
    { side: 'egress' as const, decision: verdict.egress },
    { side: 'ingress' as const, decision: verdict.ingress },
  ];
  const mattered = verdict.allowed ? sides.filter((s) => s.decision.decidedBy !== 'Default') : sides.filter((s) => !s.decision.allowed);
  const shown = mattered.length ? mattered : [sides[1]!];
  return shown.map((s) => ({ side: s.side, label: sideLabel(s.decision) }));
}
