/**
 * Who can talk to whom under Kubernetes NetworkPolicy (networking.k8s.io/v1), computed from a
 * resolved `Cluster`. Pure and isomorphic.
 *
 * Semantics, each from the primary sources:
 * - https://kubernetes.io/docs/concepts/services-networking/network-policies/ ("The two sorts of
 *   pod isolation", "Behavior of to and from selectors", "Targeting a range of ports");
 * - https://github.com/kubernetes/api/blob/master/networking/v1/types.go (NetworkPolicySpec,
 *   NetworkPolicyIngressRule, NetworkPolicyEgressRule, NetworkPolicyPort, NetworkPolicyPeer, IPBlock).
 *
 * 1. A pod is isolated for ingress (egress) only if some NetworkPolicy in its own namespace selects
 *    it and lists `Ingress` (`Egress`) in `policyTypes` (defaults are applied by `resolveCluster`).
 * 2. Policies are additive: an isolated pod accepts what the union of the rules of the policies
 *    that select it allows; order never matters and nothing can deny.
 * 3. A pod-to-pod connection needs egress allowed at the source AND ingress allowed at the
 *    destination.
 * 4. A selector's `matchLabels` and `matchExpressions` (In, NotIn, Exists, DoesNotExist) must all
 *    hold (model/label-selector.ts); `{}` selects everything.
 *    Within one peer, `namespaceSelector` AND `podSelector`; peers of a rule, rules of a policy and
 *    policies are ORed. Empty or missing `from`/`to` matches every peer, empty or missing `ports`
 *    every port. A peer with only `podSelector` selects pods in the policy's own namespace.
 * 5. `ipBlock` selects IP ranges ("These should be cluster-external IPs, since Pod IPs are
 *    ephemeral and unpredictable"). Pod selectors never match an external address. Whether an
 *    ipBlock also matches a pod's IP is not promised by the docs; plugins that match on addresses
 *    (Calico among them) do, so this module does too and marks such decisions `viaIpBlock`.
 * 6. A port entry matches on protocol (default TCP) and port: a number, a range `port..endPort`
 *    (endPort GA in v1.25, KEP-2079), or a container port name resolved on the destination pod.
 * 7. "A pod cannot block access to itself": a pod talking to itself is always allowed.
 * 8. ClusterNetworkPolicies (cluster-network-policy.ts) wrap this, per direction: the Admin tier
 *    first (Accept or Deny decides, Pass or no match goes on), then NetworkPolicy, which decides
 *    for every pod it isolates, then the Baseline tier, then the default: allowed. Each side
 *    records which tier and rule decided (`decidedBy`, `rule`, `passedBy`).
 *
 * Not modelled here (the matrix covers pods on the pod network): hostNetwork pods, whose policy
 * behaviour the docs leave to the plugin, and traffic from a pod's own node, which is always allowed.
 */
import { cidrContainsIp } from '../net/cidr.ts';
import { subjectSelects, tierDecision, type TierRuleMatch } from './cluster-network-policy.ts';
import { selectorMatches } from '../model/label-selector.ts';
import type {
  Cluster,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Pod,
  Protocol,
} from '../model/types.ts';

/** A traffic direction, named as in `policyTypes`. */
export type PolicyDirection = 'Ingress' | 'Egress';

/** The destination port of a connection (after any Service DNAT: the pod's own port). */
export interface PortProbe {
  /** Transport protocol. */
  protocol: Protocol;
  /** Port number; undefined means "a port no rule names" (only port-less rules match it). */
  port?: number;
  /** Container port name on the destination pod, when the port is a declared container port. */
  name?: string;
}

/** One side's verdict: whether that side's policies let the connection through, and why. */
export interface SideDecision {
  /** Whether this side's policies allow the connection. */
  allowed: boolean;
  /** Whether any policy isolates the pod in this direction (false: allowed by default). */
  isolated: boolean;
  /** The policies (`namespace/name`) and rule indexes that allow it; empty when not isolated or denied. */
  allowedBy: Array<{ policy: string; rule: number }>;
  /** Whether the only rules that allow it do so through an `ipBlock` matching a pod IP. */
  viaIpBlock: boolean;
  /** The tier that decided: a ClusterNetworkPolicy tier, NetworkPolicy (the pod is isolated), or the default (allow). */
  decidedBy: DecidingTier;
  /** The ClusterNetworkPolicy rule that decided (Accept or Deny), when `decidedBy` is Admin or Baseline. */
  rule?: TierRuleMatch;
  /** `Pass` rules that handed the decision on to the next tier, in order. */
  passedBy: TierRuleMatch[];
}

/** Who decided one side of a connection, in evaluation order. */
export type DecidingTier = 'Admin' | 'NetworkPolicy' | 'Baseline' | 'Default';

/** The verdict for one connection between two pods on one port. */
export interface ConnectionVerdict {
  /** Source pod, `namespace/name`. */
  from: string;
  /** Destination pod, `namespace/name`. */
  to: string;
  /** The port probed. */
  port: PortProbe;
  /** Egress at the source AND ingress at the destination (or the pod talking to itself). */
  allowed: boolean;
  /** The source's egress decision. */
  egress: SideDecision;
  /** The destination's ingress decision. */
  ingress: SideDecision;
  /** The source and destination are the same pod. */
  self: boolean;
}

/** One cell of the matrix: every probed port from one pod to another. */
export interface MatrixCell {
  /** Source pod, `namespace/name`. */
  from: string;
  /** Destination pod, `namespace/name`. */
  to: string;
  /** `allowed` on every probed port, `denied` on none, `partial` otherwise. */
  summary: 'allowed' | 'denied' | 'partial';
  /** The source and destination are the same pod. */
  self: boolean;
  /** One verdict per probed port, in the destination's declared port order. */
  ports: ConnectionVerdict[];
}

/** The who-can-talk-to-whom matrix. */
export interface PolicyMatrix {
  /** Pods in row and column order, `namespace/name`, sorted by namespace then name. */
  pods: string[];
  /** `cells[i][j]`: from `pods[i]` to `pods[j]`. */
  cells: MatrixCell[][];
}

/** Options of `policyMatrix`. */
export interface PolicyMatrixOptions {
  /** Probe only this port instead of each destination's declared container ports. */
  port?: PortProbe;
  /** Also list hostNetwork pods (their policy behaviour is plugin-defined; default false). */
  includeHostNetwork?: boolean;
}

/** A connection endpoint outside the pod network, e.g. an external server. */
export interface ExternalEndpoint {
  /** IPv4 or IPv6 address (an `ipBlock` matches addresses of its own family only). */
  ip: string;
}

/** `namespace/name` of a pod or policy. */
export function refOf(object: { namespace: string; name: string }): string {
  return `${object.namespace}/${object.name}`;
}

function namespaceLabels(cluster: Cluster, namespace: string): Labels {
  return cluster.namespaces.find((ns) => ns.name === namespace)?.labels ?? { 'kubernetes.io/metadata.name': namespace };
}

/** types.go NetworkPolicySpec.podSelector: the policy applies to the pods it selects in its own namespace. */
export function policySelects(policy: NetworkPolicy, pod: Pod): boolean {
  return policy.namespace === pod.namespace && selectorMatches(policy.podSelector, pod.labels);
}

/** The policies that select `pod` and include `direction` in `policyTypes`. */
export function policiesFor(cluster: Cluster, pod: Pod, direction: PolicyDirection): NetworkPolicy[] {
  return cluster.networkPolicies.filter((p) => p.policyTypes.includes(direction) && policySelects(p, pod));
}

/** Whether `pod` is isolated for `direction` ("The two sorts of pod isolation"). */
export function isIsolated(cluster: Cluster, pod: Pod, direction: PolicyDirection): boolean {
  return policiesFor(cluster, pod, direction).length > 0;
}

/** Whether any policy applies to `pod` for `direction`: a NetworkPolicy isolates it, or a ClusterNetworkPolicy subject selects it with rules for that direction. */
export function policyApplies(cluster: Cluster, pod: Pod, direction: PolicyDirection): boolean {
  return isIsolated(cluster, pod, direction) || (cluster.clusterNetworkPolicies ?? []).some(
    (p) => (direction === 'Ingress' ? p.ingress : p.egress).length > 0 && subjectSelects(cluster, p.subject, pod),
  );
}

type PeerMatch = 'selector' | 'ipBlock' | false;

/**
 * types.go NetworkPolicyPeer: podSelector alone selects pods in the policy's namespace;
 * namespaceSelector alone selects every pod in the selected namespaces; both together select the
 * matching pods in the matching namespaces (AND). An empty selector (`{}`) selects everything.
 */
function peerMatchesPod(cluster: Cluster, peer: NetworkPolicyPeer, policyNamespace: string, pod: Pod): PeerMatch {
  if (peer.ipBlock) return ipBlockMatches(peer.ipBlock, pod.ip) ? 'ipBlock' : false;
  if (!peer.podSelector && !peer.namespaceSelector) return false; // rejected by API validation
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels(cluster, pod.namespace))
    : pod.namespace === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, pod.labels) : true;
  return namespaceOk && podOk ? 'selector' : false;
}

/** types.go IPBlock: inside `cidr` and outside every `except`. */
function ipBlockMatches(block: NonNullable<NetworkPolicyPeer['ipBlock']>, ip: string): boolean {
  return cidrContainsIp(block.cidr, ip) && !(block.except ?? []).some((ex) => cidrContainsIp(ex, ip));
}

/**
 * types.go NetworkPolicyPort: protocol defaults to TCP; a missing port matches every port of the
 * protocol; `endPort` makes the range port..endPort inclusive; a named port matches the
 * destination pod's container port of that name and protocol.
 */
function portMatches(rulePort: NetworkPolicyPort, probe: PortProbe, destination: Pod | undefined): boolean {
  if ((rulePort.protocol ?? 'TCP') !== probe.protocol) return false;
  if (rulePort.port === undefined) return true;
  if (probe.port === undefined) return false;
  if (typeof rulePort.port === 'string') {
    const named = destination?.ports.find((p) => p.name === rulePort.port && p.protocol === probe.protocol);
    return named !== undefined && named.containerPort === probe.port;
  }
  const last = rulePort.endPort ?? rulePort.port;
  return probe.port >= rulePort.port && probe.port <= last;
}

/** types.go: "If this field is empty or missing, this rule matches all ports". */
function portsMatch(ports: NetworkPolicyPort[] | undefined, probe: PortProbe, destination: Pod | undefined): boolean {
  return !ports || ports.length === 0 || ports.some((p) => portMatches(p, probe, destination));
}

/** The other end of a connection as a rule sees it: a pod or an external address. */
type Peer = { pod: Pod } | { external: ExternalEndpoint };

function peersMatch(cluster: Cluster, peers: NetworkPolicyPeer[] | undefined, policyNamespace: string, other: Peer): PeerMatch {
  // types.go: "If this field is empty or missing, this rule matches all sources/destinations".
  if (!peers || peers.length === 0) return 'selector';
  let best: PeerMatch = false;
  for (const peer of peers) {
    const match = 'pod' in other
      ? peerMatchesPod(cluster, peer, policyNamespace, other.pod)
      : peer.ipBlock && ipBlockMatches(peer.ipBlock, other.external.ip) ? 'selector' : false;
    if (match === 'selector') return 'selector';
    if (match === 'ipBlock') best = 'ipBlock';
  }
  return best;
}

/**
 * One side of a connection: the egress decision of `pod` towards `other`, or the ingress decision
 * of `pod` from `other`. `destination` is the pod whose named ports the rules refer to.
 */
function networkPolicySide(cluster: Cluster, pod: Pod, direction: PolicyDirection, other: Peer, probe: PortProbe, destination: Pod | undefined): SideDecision {
  const policies = policiesFor(cluster, pod, direction);
  if (policies.length === 0) return { allowed: true, isolated: false, allowedBy: [], viaIpBlock: false, decidedBy: 'Default', passedBy: [] };
  const allowedBy: SideDecision['allowedBy'] = [];
  let bySelector = false;
  for (const policy of policies) {
    const rules = direction === 'Ingress'
      ? policy.ingress.map((r) => ({ peers: r.from, ports: r.ports }))
      : policy.egress.map((r) => ({ peers: r.to, ports: r.ports }));
    rules.forEach((rule, index) => {
      // types.go: "The traffic must match both ports and from" (ingress) / "ports and to" (egress).
      const match = peersMatch(cluster, rule.peers, policy.namespace, other);
      if (!match || !portsMatch(rule.ports, probe, destination)) return;
      allowedBy.push({ policy: refOf(policy), rule: index });
      if (match === 'selector') bySelector = true;
    });
  }
  return { allowed: allowedBy.length > 0, isolated: true, allowedBy, viaIpBlock: allowedBy.length > 0 && !bySelector, decidedBy: 'NetworkPolicy', passedBy: [] };
}

/**
 * The tiers in order for one side: Admin ClusterNetworkPolicies, NetworkPolicy, Baseline
 * ClusterNetworkPolicies, then the default. `isolated` keeps its NetworkPolicy meaning throughout.
 */
function decide(cluster: Cluster, pod: Pod, direction: PolicyDirection, other: Peer, probe: PortProbe, destination: Pod | undefined): SideDecision {
  const np = networkPolicySide(cluster, pod, direction, other, probe, destination);
  if (!cluster.clusterNetworkPolicies?.length) return np;
  const passedBy: TierRuleMatch[] = [];
  const byRule = (rule: TierRuleMatch): SideDecision => ({
    allowed: rule.action === 'Accept', isolated: np.isolated, allowedBy: [], viaIpBlock: false, decidedBy: rule.tier, rule, passedBy,
  });
  const admin = tierDecision(cluster, 'Admin', pod, direction, other, probe, destination);
  if (admin && admin.action !== 'Pass') return byRule(admin);
  if (admin) passedBy.push(admin);
  // types.go Tier: "v1.NetworkPolicy always makes a final decision for selected pods".
  if (np.isolated) return { ...np, passedBy };
  const baseline = tierDecision(cluster, 'Baseline', pod, direction, other, probe, destination);
  if (baseline && baseline.action !== 'Pass') return byRule(baseline);
  if (baseline) passedBy.push(baseline);
  return { ...np, passedBy };
}

/** The verdict for a connection from pod `from` to pod `to` on `port`. */
export function connectionVerdict(cluster: Cluster, from: Pod, to: Pod, port: PortProbe): ConnectionVerdict {
  const self = from.namespace === to.namespace && from.name === to.name;
  const egress = decide(cluster, from, 'Egress', { pod: to }, port, to);
  const ingress = decide(cluster, to, 'Ingress', { pod: from }, port, to);
  return { from: refOf(from), to: refOf(to), port, allowed: self || (egress.allowed && ingress.allowed), egress, ingress, self };
}

/** Whether `pod` may open a connection to an address outside the pod network (egress side only). */
export function egressToExternal(cluster: Cluster, pod: Pod, external: ExternalEndpoint, port: PortProbe): SideDecision {
  return decide(cluster, pod, 'Egress', { external }, port, undefined);
}

/** Whether `pod` accepts a connection from an address outside the pod network (ingress side only). */
export function ingressFromExternal(cluster: Cluster, pod: Pod, external: ExternalEndpoint, port: PortProbe): SideDecision {
  return decide(cluster, pod, 'Ingress', { external }, port, pod);
}

/** The ports probed towards `destination`: its declared container ports, or one unnamed TCP probe. */
export function probesFor(destination: Pod): PortProbe[] {
  if (destination.ports.length === 0) return [{ protocol: 'TCP' }];
  return destination.ports.map((p) => ({ protocol: p.protocol, port: p.containerPort, ...(p.name ? { name: p.name } : {}) }));
}

function summarize(verdicts: ConnectionVerdict[]): MatrixCell['summary'] {
  const allowed = verdicts.filter((v) => v.allowed).length;
  if (allowed === verdicts.length) return 'allowed';
  return allowed === 0 ? 'denied' : 'partial';
}

/** The pods of the matrix, sorted by namespace then name. */
export function matrixPods(cluster: Cluster, includeHostNetwork = false): Pod[] {
  return cluster.nodes
    .flatMap((n) => n.pods)
    .filter((p) => includeHostNetwork || !p.hostNetwork)
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}

/** The who-can-talk-to-whom matrix for every pair of pods, per destination port. */
export function policyMatrix(cluster: Cluster, options: PolicyMatrixOptions = {}): PolicyMatrix {
  const pods = matrixPods(cluster, options.includeHostNetwork);
  const cells = pods.map((from) =>
    pods.map((to) => {
      const probes = options.port ? [options.port] : probesFor(to);
      const ports = probes.map((probe) => connectionVerdict(cluster, from, to, probe));
      const self = from === to;
      return { from: refOf(from), to: refOf(to), summary: summarize(ports), self, ports };
    }),
  );
  return { pods: pods.map(refOf), cells };
}

/** A port as text: `TCP 8080`, `UDP 53`, or `any TCP port` for an unnamed probe. */
export function formatProbe(probe: PortProbe): string {
  return probe.port === undefined ? `any ${probe.protocol} port` : `${probe.protocol} ${probe.port}`;
}

/** A cell as words, e.g. `allowed: TCP 8080; denied: TCP 9090`. Never relies on colour. */
export function describeCell(cell: MatrixCell): string {
  if (cell.self) return 'allowed (same pod)';
  const allowed = cell.ports.filter((v) => v.allowed).map((v) => formatProbe(v.port));
  const denied = cell.ports.filter((v) => !v.allowed).map((v) => formatProbe(v.port));
  if (cell.summary === 'denied') return `denied: ${denied.join(', ')}`;
  if (cell.summary === 'allowed') return `allowed: ${allowed.join(', ')}`;
  return `allowed: ${allowed.join(', ')}; denied: ${denied.join(', ')}`;
}
