/**
 * Why a NetworkPolicy verdict came out as it did, in words: which policy and rule allowed each
 * side, or that the pod is isolated and no rule of the policies selecting it matched. Built on
 * the decisions `connectionVerdict` already records (network-policy.ts); the semantics are
 * kubernetes.io/docs/concepts/services-networking/network-policies ("The two sorts of pod
 * isolation": a connection needs egress allowed at the source and ingress at the destination).
 */
import type { Cluster, Pod } from '../model/types.ts';
import { formatProbe, policiesFor, refOf, type ConnectionVerdict, type MatrixCell, type PolicyDirection, type SideDecision } from './network-policy.ts';

/** One side's reason, e.g. `ingress allowed by shop/web-allow ingress rule 1`. */
export function sideReason(cluster: Cluster, pod: Pod, direction: PolicyDirection, decision: SideDecision): string {
  const side = direction.toLowerCase();
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
