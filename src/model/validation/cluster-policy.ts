/**
 * ClusterNetworkPolicies: the CRD's own validation (apis/v1beta1/clusternetworkpolicy_types.go in
 * kubernetes-sigs/network-policy-api: enums, 0 to 1000 priority, "exactly one field" unions,
 * MinItems/MaxItems, port ranges, canonical CIDRs, no named port towards `networks`), subjects
 * that select no pod, and two policies that share a tier and a priority and decide one of the
 * cluster's connections differently, which upstream leaves undefined.
 */
import { subjectSelects, tierDecision } from '../../derive/cluster-network-policy.ts';
import { probesFor, type PolicyDirection } from '../../derive/network-policy.ts';
import { isPortName } from '../names.ts';
import type {
  Cluster,
  ClusterNetworkPolicy,
  ClusterNetworkPolicyEgressPeer,
  ClusterNetworkPolicyPods,
  ClusterNetworkPolicyPort,
  ClusterNetworkPolicyProtocol,
  LabelSelector,
} from '../types.ts';
import { allPods, checkCidrField, checkPort, checkSubdomain, quote, type Report } from './fields.ts';
import { checkLabelSelector } from './labels.ts';

const TIERS = ['Admin', 'Baseline'];
const ACTIONS = ['Accept', 'Deny', 'Pass'];
/** MaxItems of `ingress`, `egress`, `from`, `to`, `protocols` and `networks`. */
const MAX_ITEMS = 25;

function setKeys(value: object, keys: readonly string[]): string[] {
  return keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
}

/** MinProperties=1, MaxProperties=1: exactly one of `keys`. Returns the one set, if exactly one is. */
function exactlyOne(r: Report, path: string, value: object, keys: readonly string[], what: string): string | undefined {
  const set = setKeys(value, keys);
  if (set.length === 1) return set[0];
  const found = set.length === 0 ? 'sets none of them' : `sets ${set.join(' and ')}`;
  r.error(path, `${what} must set exactly one of ${keys.join(', ')}, and ${found}`, set.length === 0 ? `add one, e.g. ${keys[0]}: {}` : 'split it into separate entries, one field each');
  return set.length === 1 ? set[0] : undefined;
}

function checkPods(r: Report, path: string, pods: ClusterNetworkPolicyPods): void {
  checkLabelSelector(r, `${path}.namespaceSelector`, pods.namespaceSelector);
  if (pods.podSelector === undefined) r.error(`${path}.podSelector`, 'pods needs a podSelector', 'add podSelector: {} to select every pod in the selected namespaces');
  else checkLabelSelector(r, `${path}.podSelector`, pods.podSelector);
}

function checkList(r: Report, path: string, list: unknown[] | undefined, what: string, min: number): boolean {
  if (list === undefined) return true;
  if (!Array.isArray(list)) {
    r.error(path, `${what} must be a list`, `write ${what}: [ ... ]`);
    return false;
  }
  if (list.length < min) r.error(path, `${what} is empty`, min === 1 ? `list at least one entry, or leave ${what} out` : `list at least ${min}`);
  if (list.length > MAX_ITEMS) r.error(path, `${what} has ${list.length} entries, more than ${MAX_ITEMS}`, `the CRD allows at most ${MAX_ITEMS}: split the policy`);
  return true;
}

function checkPeer(r: Report, path: string, peer: ClusterNetworkPolicyEgressPeer, egress: boolean): void {
  const field = exactlyOne(r, path, peer, egress ? ['namespaces', 'pods', 'networks'] : ['namespaces', 'pods'], 'a peer');
  if (!egress && (peer as { networks?: unknown }).networks !== undefined) {
    r.error(`${path}.networks`, 'networks is an egress peer only', 'select sources with namespaces or pods; ingress rules have no CIDR peer');
  }
  if (field === 'namespaces') checkLabelSelector(r, `${path}.namespaces`, peer.namespaces as LabelSelector);
  if (field === 'pods') checkPods(r, `${path}.pods`, peer.pods!);
  if (field === 'networks' && checkList(r, `${path}.networks`, peer.networks, 'networks', 1)) {
    // CIDR: "isCIDR(self) && cidr(self) == cidr(self).masked()".
    peer.networks!.forEach((cidr, k) => checkCidrField(r, `${path}.networks[${k}]`, cidr, 'network'));
  }
}

function checkPortField(r: Report, path: string, port: ClusterNetworkPolicyPort | undefined): void {
  if (port === undefined) {
    r.error(path, 'destinationPort is missing', 'the protocol match needs destinationPort: { number: 80 } or { range: { start: 8000, end: 9000 } } (MinProperties=1)');
    return;
  }
  const field = exactlyOne(r, path, port, ['number', 'range'], 'destinationPort');
  if (field === 'number') checkPort(r, `${path}.number`, port.number, 'port');
  if (field === 'range') {
    const { start, end } = port.range!;
    if (checkPort(r, `${path}.range.start`, start, 'start') && checkPort(r, `${path}.range.end`, end, 'end') && start >= end) {
      r.error(`${path}.range`, `range start ${start} is not less than end ${end}`, 'use number for a single port; a range needs start < end ("Start port must be less than End port")');
    }
  }
}

function checkProtocolEntry(r: Report, path: string, entry: ClusterNetworkPolicyProtocol): void {
  const field = exactlyOne(r, path, entry, ['tcp', 'udp', 'sctp', 'destinationNamedPort'], 'a protocols entry');
  if (field === 'destinationNamedPort') {
    if (!isPortName(entry.destinationNamedPort)) {
      r.error(`${path}.destinationNamedPort`, `${quote(entry.destinationNamedPort)} is not a port name`, "use a container port name such as 'http' (at most 15 characters, a letter among them)");
    }
  } else if (field) {
    checkPortField(r, `${path}.${field}.destinationPort`, (entry[field as 'tcp'] ?? {}).destinationPort);
  }
}

type AnyRule = { name?: string; action: string; peers: ClusterNetworkPolicyEgressPeer[]; protocols?: ClusterNetworkPolicyProtocol[] };

function checkRule(r: Report, path: string, rule: AnyRule, peersKey: 'from' | 'to'): void {
  if (!ACTIONS.includes(rule.action)) {
    const hint = rule.action === 'Allow' ? "ClusterNetworkPolicy renamed AdminNetworkPolicy's Allow to Accept: use 'Accept'" : "use 'Accept', 'Deny' or 'Pass'";
    r.error(`${path}.action`, `action ${quote(rule.action)} is not Accept, Deny or Pass`, hint);
  }
  if (rule.name !== undefined && (typeof rule.name !== 'string' || rule.name.length > 100)) {
    r.error(`${path}.name`, 'a rule name is at most 100 characters', 'shorten it');
  }
  if (rule.peers === undefined) r.error(`${path}.${peersKey}`, `${peersKey} is missing`, `a rule needs at least one peer, e.g. ${peersKey}: [{ namespaces: {} }] for every pod`);
  else if (checkList(r, `${path}.${peersKey}`, rule.peers, peersKey, 1)) {
    rule.peers.forEach((peer, m) => checkPeer(r, `${path}.${peersKey}[${m}]`, peer, peersKey === 'to'));
  }
  if (checkList(r, `${path}.protocols`, rule.protocols, 'protocols', 1)) {
    (rule.protocols ?? []).forEach((entry, m) => checkProtocolEntry(r, `${path}.protocols[${m}]`, entry));
  }
  const named = (rule.protocols ?? []).some((p) => p.destinationNamedPort !== undefined);
  if (named && (rule.peers ?? []).some((peer) => peer.networks !== undefined)) {
    r.error(`${path}.protocols`, 'a named port cannot be used with a networks peer', 'addresses outside the pod network have no named ports: use a port number');
  }
}

function rulesOf(policy: ClusterNetworkPolicy, direction: PolicyDirection): AnyRule[] {
  return direction === 'Ingress'
    ? policy.ingress.map((rule) => ({ ...rule, peers: rule.from as ClusterNetworkPolicyEgressPeer[] }))
    : policy.egress.map((rule) => ({ ...rule, peers: rule.to }));
}

function checkPolicy(r: Report, at: string, policy: ClusterNetworkPolicy): boolean {
  const before = r.diagnostics.length;
  checkSubdomain(r, `${at}.name`, policy.name, 'ClusterNetworkPolicy name');
  if (!TIERS.includes(policy.tier)) {
    r.error(`${at}.tier`, `tier ${quote(policy.tier)} is not Admin or Baseline`, 'use Admin (evaluated before NetworkPolicies; was AdminNetworkPolicy) or Baseline (after them; was BaselineAdminNetworkPolicy)');
  }
  if (typeof policy.priority !== 'number' || !Number.isInteger(policy.priority) || policy.priority < 0 || policy.priority > 1000) {
    r.error(`${at}.priority`, `priority ${quote(policy.priority)} is not an integer from 0 to 1000`, 'lower values are evaluated first within the tier, e.g. 10');
  }
  if (policy.subject === undefined) r.error(`${at}.subject`, 'subject is missing', 'add subject: { namespaces: {} } for every pod, or subject: { pods: { podSelector: ... } }');
  else {
    const field = exactlyOne(r, `${at}.subject`, policy.subject, ['namespaces', 'pods'], 'subject');
    if (field === 'namespaces') checkLabelSelector(r, `${at}.subject.namespaces`, policy.subject.namespaces);
    if (field === 'pods') checkPods(r, `${at}.subject.pods`, policy.subject.pods!);
  }
  for (const [key, direction] of [['ingress', 'Ingress'], ['egress', 'Egress']] as const) {
    if (!checkList(r, `${at}.${key}`, policy[key], key, 0)) continue;
    rulesOf(policy, direction).forEach((rule, k) => checkRule(r, `${at}.${key}[${k}]`, rule, key === 'ingress' ? 'from' : 'to'));
  }
  return !r.diagnostics.slice(before).some((d) => d.severity === 'error');
}

/** The first connection of the cluster that two same-priority policies of one tier decide differently. */
function firstTie(cluster: Cluster, policy: ClusterNetworkPolicy): string | undefined {
  const pods = allPods(cluster).filter((p) => !p.hostNetwork);
  for (const direction of ['Ingress', 'Egress'] as const) {
    for (const subject of pods.filter((p) => subjectSelects(cluster, policy.subject, p))) {
      for (const other of pods) {
        const destination = direction === 'Ingress' ? subject : other;
        for (const probe of probesFor(destination)) {
          const hit = tierDecision(cluster, policy.tier, subject, direction, { pod: other }, probe, destination);
          if (hit && hit.policy === policy.name && hit.tiedWith.length) {
            const [from, to] = direction === 'Ingress' ? [other, subject] : [subject, other];
            return `${hit.tiedWith.join(', ')} (same tier and priority) ${direction === 'Ingress' ? 'ingress' : 'egress'} from ${from.namespace}/${from.name} to ${to.namespace}/${to.name} on ${probe.protocol} ${probe.port ?? 'any port'}`;
          }
        }
      }
    }
  }
  return undefined;
}

/** Checks every ClusterNetworkPolicy. */
export function checkClusterNetworkPolicies(cluster: Cluster, r: Report): void {
  const policies = cluster.clusterNetworkPolicies ?? [];
  const seen = new Set<string>();
  const valid = policies.map((policy, i) => {
    const at = `clusterNetworkPolicies[${i}]`;
    if (seen.has(policy.name)) r.error(`${at}.name`, `ClusterNetworkPolicy ${policy.name} is declared twice`, 'it is cluster-scoped: every policy needs its own name');
    seen.add(policy.name);
    return checkPolicy(r, at, policy);
  });
  if (!valid.every(Boolean)) return;
  const pods = allPods(cluster);
  policies.forEach((policy, i) => {
    const at = `clusterNetworkPolicies[${i}]`;
    if (!pods.some((p) => subjectSelects(cluster, policy.subject, p))) {
      r.warning(`${at}.subject`, 'the subject selects no pod', 'the policy applies to nothing: fix the labels');
    }
    const tie = firstTie(cluster, policy);
    if (tie) {
      r.error(
        `${at}.priority`,
        `priority ${policy.priority} is shared with ${tie}, and the two decide it differently`,
        'upstream lets an implementation apply either policy: give them different priorities',
      );
    }
  });
}
