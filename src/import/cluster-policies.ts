/**
 * ClusterNetworkPolicy objects of the SIG Network Network Policy API (group
 * policy.networking.k8s.io, versions v1beta1 and v1alpha2, whose schemas are the same:
 * kubernetes-sigs/network-policy-api apis/v1beta1 and apis/v1alpha2 clusternetworkpolicy_types.go)
 * -> the model's `clusterNetworkPolicies`.
 *
 * What the model cannot hold becomes a located warning: the experimental `nodes` and
 * `domainNames` egress peers, and any field the schema does not have. A rule left with no peer is
 * left out, and the warning also says what an implementation without those peers does with it
 * (upstream, it "fails closed": an Accept rule matches no traffic, a Deny or Pass rule denies all).
 * A ClusterNetworkPolicy of another API group (Antrea's crd.antrea.io has a kind of the same name)
 * is not read.
 */
import type {
  ClusterNetworkPolicyAction,
  ClusterNetworkPolicyEgressPeer,
  ClusterNetworkPolicyIngressPeer,
  ClusterNetworkPolicyInput,
  ClusterNetworkPolicyPods,
  ClusterNetworkPolicyPort,
  ClusterNetworkPolicyProtocol,
  ClusterNetworkPolicySubject,
  ClusterNetworkPolicyTier,
} from '../model/types.ts';
import type { IssueCollector, Location } from './issues.ts';
import { importSelector } from './policies.ts';
import type { Reader } from './read.ts';

/** A ClusterNetworkPolicy read from the paste. */
export interface ImportedClusterPolicy {
  /** The model policy. */
  policy: ClusterNetworkPolicyInput;
  /** Where the object is. */
  at: Location;
}

/** The API versions read. */
export const CLUSTER_POLICY_API_VERSIONS = ['policy.networking.k8s.io/v1beta1', 'policy.networking.k8s.io/v1alpha2'];

const TIERS: readonly ClusterNetworkPolicyTier[] = ['Admin', 'Baseline'];
const ACTIONS: readonly ClusterNetworkPolicyAction[] = ['Accept', 'Deny', 'Pass'];
const SPEC_FIELDS = ['tier', 'priority', 'subject', 'ingress', 'egress'];
const RULE_FIELDS = ['name', 'action', 'from', 'to', 'protocols'];
const PODS_FIELDS = ['namespaceSelector', 'podSelector'];
const PORT_FIELDS = ['destinationPort'];
// Experimental-channel egress peers the model has no place for.
const EXPERIMENTAL_PEERS: Record<string, string> = {
  nodes: 'the experimental nodes peer (node IPs by node labels) is not modelled',
  domainNames: 'the experimental domainNames peer (egress by DNS name) is not modelled',
};

/** Warns about each field of `read` outside `known`. */
function warnUnknown(read: Reader, known: readonly string[], ref: string, issues: IssueCollector): void {
  for (const key of Object.keys(read.value).filter((k) => !known.includes(k))) {
    issues.warning(read.at(key), `${ref}: field ${key} is not in the ClusterNetworkPolicy schema (or not modelled); it was not read`);
  }
}

function podsOf(read: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyPods {
  warnUnknown(read, PODS_FIELDS, ref, issues);
  const namespaces = read.object('namespaceSelector');
  const pods = read.object('podSelector');
  return {
    ...(namespaces ? { namespaceSelector: importSelector(namespaces, ref, issues) } : {}),
    podSelector: pods ? importSelector(pods, ref, issues) : {},
  };
}

/** The subject (or an ingress peer): `namespaces` or `pods`; what else is set is reported. */
function subjectOf(read: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicySubject {
  warnUnknown(read, ['namespaces', 'pods'], ref, issues);
  return selectorsOf(read, ref, issues);
}

/** `namespaces` and `pods` of a subject or peer. */
function selectorsOf(read: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicySubject {
  const out: ClusterNetworkPolicySubject = {};
  const namespaces = read.object('namespaces');
  if (namespaces) out.namespaces = importSelector(namespaces, ref, issues);
  const pods = read.object('pods');
  if (pods) out.pods = podsOf(pods, ref, issues);
  return out;
}

function egressPeerOf(read: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyEgressPeer | undefined {
  const experimental = Object.keys(read.value).filter((k) => k in EXPERIMENTAL_PEERS);
  for (const key of experimental) issues.warning(read.at(key), `${ref}: this peer is not shown: ${EXPERIMENTAL_PEERS[key]}`);
  warnUnknown(read, ['namespaces', 'pods', 'networks', ...Object.keys(EXPERIMENTAL_PEERS)], ref, issues);
  const out: ClusterNetworkPolicyEgressPeer = selectorsOf(read, ref, issues);
  if (read.has('networks')) out.networks = read.strings('networks');
  return Object.keys(out).length > 0 ? out : undefined;
}

function portOf(read: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyPort | undefined {
  const number = read.integer('number');
  if (number !== undefined) return { number };
  const range = read.object('range');
  const start = range?.integer('start');
  const end = range?.integer('end');
  if (start !== undefined && end !== undefined) return { range: { start, end } };
  issues.error(read.location, `${ref}: a destinationPort without number or range (start and end) was left out`);
  return undefined;
}

function protocolsOf(rule: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyProtocol[] {
  return rule.objects('protocols').flatMap((p): ClusterNetworkPolicyProtocol[] => {
    warnUnknown(p, ['tcp', 'udp', 'sctp', 'destinationNamedPort'], ref, issues);
    const named = p.string('destinationNamedPort');
    if (named !== undefined) return [{ destinationNamedPort: named }];
    for (const key of ['tcp', 'udp', 'sctp'] as const) {
      const proto = p.object(key);
      if (!proto) continue;
      warnUnknown(proto, PORT_FIELDS, ref, issues);
      const port = proto.object('destinationPort');
      const destinationPort = port ? portOf(port, ref, issues) : undefined;
      if (!destinationPort) {
        if (!port) issues.error(proto.location, `${ref}: ${key} without destinationPort was left out`);
        return [];
      }
      return [{ [key]: { destinationPort } }];
    }
    return [];
  });
}

/** A rule none of whose peers the model holds: left out, saying what that changes. */
function leftOut(rule: Reader, direction: string, name: string | undefined, action: ClusterNetworkPolicyAction, ref: string, issues: IssueCollector): [] {
  // network-policy-api: an implementation that sees a peer it does not know "fails closed".
  const failClosed = action === 'Accept' ? 'treats it as matching no traffic' : 'treats it as denying all traffic';
  issues.warning(
    rule.location,
    `${ref}: ${direction} rule ${name ?? '(unnamed)'} (${action}) was left out: the model holds none of its peers, so what it does to them is not shown; an implementation without these experimental peers ${failClosed}`,
  );
  return [];
}

function actionOf(rule: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyAction | undefined {
  const action = rule.oneOf('action', ACTIONS);
  if (!action && !rule.has('action')) issues.error(rule.at('action'), `${ref}: a rule without an action was left out`);
  return action;
}

function ingressRules(spec: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyInput['ingress'] {
  return spec.objects('ingress').flatMap((rule) => {
    warnUnknown(rule, RULE_FIELDS.filter((f) => f !== 'to'), ref, issues);
    const action = actionOf(rule, ref, issues);
    if (!action) return [];
    const peers = rule.objects('from');
    const from: ClusterNetworkPolicyIngressPeer[] = peers.map((p) => subjectOf(p, ref, issues)).filter((p) => Object.keys(p).length > 0);
    const name = rule.string('name');
    if (from.length === 0 && peers.length > 0) return leftOut(rule, 'ingress', name, action, ref, issues);
    const protocols = rule.has('protocols') ? protocolsOf(rule, ref, issues) : undefined;
    return [{ ...(name !== undefined ? { name } : {}), action, from, ...(protocols ? { protocols } : {}) }];
  });
}

function egressRules(spec: Reader, ref: string, issues: IssueCollector): ClusterNetworkPolicyInput['egress'] {
  return spec.objects('egress').flatMap((rule) => {
    warnUnknown(rule, RULE_FIELDS.filter((f) => f !== 'from'), ref, issues);
    const action = actionOf(rule, ref, issues);
    if (!action) return [];
    const peers = rule.objects('to');
    const to = peers.flatMap((p) => egressPeerOf(p, ref, issues) ?? []);
    const name = rule.string('name');
    if (to.length === 0 && peers.length > 0) return leftOut(rule, 'egress', name, action, ref, issues);
    const protocols = rule.has('protocols') ? protocolsOf(rule, ref, issues) : undefined;
    return [{ ...(name !== undefined ? { name } : {}), action, to, ...(protocols ? { protocols } : {}) }];
  });
}

/** Reads a ClusterNetworkPolicy; undefined (with an error or warning) when it cannot be modelled. */
export function importClusterPolicy(read: Reader, issues: IssueCollector): ImportedClusterPolicy | undefined {
  const name = read.object('metadata')?.string('name');
  const apiVersion = read.string('apiVersion');
  if (apiVersion !== undefined && !CLUSTER_POLICY_API_VERSIONS.includes(apiVersion)) {
    issues.warning(read.at('apiVersion'), `ClusterNetworkPolicy ${name ?? '?'} of ${apiVersion} was not read: only ${CLUSTER_POLICY_API_VERSIONS.join(' and ')} (the Network Policy API) are`);
    return undefined;
  }
  if (!name) {
    issues.error(read.at('metadata.name'), 'a ClusterNetworkPolicy without a name was left out');
    return undefined;
  }
  const ref = `ClusterNetworkPolicy ${name}`;
  const spec = read.object('spec');
  const tier = spec?.oneOf('tier', TIERS);
  const priority = spec?.integer('priority');
  if (!spec || tier === undefined || priority === undefined) {
    const missing = !spec ? 'spec' : tier === undefined ? 'tier' : 'priority';
    issues.error(spec ? spec.at(missing) : read.at('spec'), `${ref} has no valid ${missing}; it was left out`);
    return undefined;
  }
  warnUnknown(spec, SPEC_FIELDS, ref, issues);
  const subject = spec.object('subject');
  const policy: ClusterNetworkPolicyInput = { name, tier, priority, subject: subject ? subjectOf(subject, ref, issues) : {} };
  if (spec.has('ingress')) policy.ingress = ingressRules(spec, ref, issues);
  if (spec.has('egress')) policy.egress = egressRules(spec, ref, issues);
  return { policy, at: read.location };
}
