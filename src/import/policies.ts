/**
 * NetworkPolicy (networking.k8s.io/v1) and Namespace objects -> the model. Field reference:
 * kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1.
 *
 * The model's LabelSelector holds matchLabels only. A selector with matchExpressions is kept with
 * its matchLabels and a warning says it selects more than the cluster's (another change widens
 * the model; this is the one function to change then).
 */
import type {
  IpBlock,
  LabelSelector,
  NamespaceInput,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyInput,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from '../model/types.ts';
import type { IssueCollector, Location } from './issues.ts';
import type { Reader } from './read.ts';

/** A NetworkPolicy read from the paste. */
export interface ImportedPolicy {
  /** The model policy. */
  policy: NetworkPolicyInput;
  /** Where the object is. */
  at: Location;
}

/** A Namespace read from the paste. */
export interface ImportedNamespace {
  /** The model namespace. */
  namespace: NamespaceInput;
  /** Where the object is. */
  at: Location;
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'] as const;

/** A label selector; matchExpressions are reported (the model cannot hold them yet). */
export function importSelector(read: Reader, ref: string, issues: IssueCollector): LabelSelector {
  const selector: LabelSelector = {};
  const matchLabels = read.stringMap('matchLabels');
  if (matchLabels && Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  const expressions = read.objects('matchExpressions');
  if (expressions.length > 0) {
    const text = expressions
      .map((e) => `${e.string('key') ?? '?'} ${e.string('operator') ?? '?'}${e.has('values') ? ` (${e.strings('values').join(', ')})` : ''}`)
      .join('; ');
    issues.warning(read.at('matchExpressions'), `${ref}: matchExpressions [${text}] are not modelled yet, so this selector selects more than in the cluster`);
  }
  return selector;
}

function ipBlockOf(read: Reader): IpBlock | undefined {
  const cidr = read.string('cidr');
  if (cidr === undefined) return undefined;
  const except = read.strings('except');
  return except.length > 0 ? { cidr, except } : { cidr };
}

function peersOf(rule: Reader, field: 'from' | 'to', ref: string, issues: IssueCollector): NetworkPolicyPeer[] {
  return rule.objects(field).map((p) => {
    const peer: NetworkPolicyPeer = {};
    const pods = p.object('podSelector');
    if (pods) peer.podSelector = importSelector(pods, ref, issues);
    const namespaces = p.object('namespaceSelector');
    if (namespaces) peer.namespaceSelector = importSelector(namespaces, ref, issues);
    const block = p.object('ipBlock');
    const ipBlock = block ? ipBlockOf(block) : undefined;
    if (ipBlock) peer.ipBlock = ipBlock;
    return peer;
  });
}

function portsOf(rule: Reader): NetworkPolicyPort[] {
  return rule.objects('ports').map((p) => {
    const port: NetworkPolicyPort = {};
    const protocol = p.oneOf('protocol', PROTOCOLS);
    if (protocol) port.protocol = protocol;
    const number = p.intOrString('port');
    if (number !== undefined) port.port = number;
    const endPort = p.integer('endPort');
    if (endPort !== undefined) port.endPort = endPort;
    return port;
  });
}

/** Reads a NetworkPolicy; undefined (with an error) when it has no name. */
export function importPolicy(read: Reader, issues: IssueCollector): ImportedPolicy | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'a NetworkPolicy without a name was left out');
    return undefined;
  }
  const namespace = metadata?.string('namespace') ?? 'default';
  const ref = `NetworkPolicy ${namespace}/${name}`;
  const spec = read.object('spec');
  const podSelector = spec?.object('podSelector');
  const policy: NetworkPolicyInput = { name, namespace, podSelector: podSelector ? importSelector(podSelector, ref, issues) : {} };
  if (!spec) return { policy, at: read.location };
  if (spec.has('policyTypes')) {
    const types = spec.strings('policyTypes').filter((t): t is 'Ingress' | 'Egress' => (POLICY_TYPES as readonly string[]).includes(t));
    if (types.length > 0) policy.policyTypes = types;
  }
  if (spec.has('ingress')) {
    policy.ingress = spec.objects('ingress').map((rule) => {
      const out: NetworkPolicyIngressRule = {};
      if (rule.has('from')) out.from = peersOf(rule, 'from', ref, issues);
      if (rule.has('ports')) out.ports = portsOf(rule);
      return out;
    });
  }
  if (spec.has('egress')) {
    policy.egress = spec.objects('egress').map((rule) => {
      const out: NetworkPolicyEgressRule = {};
      if (rule.has('to')) out.to = peersOf(rule, 'to', ref, issues);
      if (rule.has('ports')) out.ports = portsOf(rule);
      return out;
    });
  }
  return { policy, at: read.location };
}

/** Reads a Namespace and its labels. */
export function importNamespace(read: Reader, issues: IssueCollector): ImportedNamespace | undefined {
  const metadata = read.object('metadata');
  const name = metadata?.string('name');
  if (!name) {
    issues.error(read.at('metadata.name'), 'a Namespace without a name was left out');
    return undefined;
  }
  const labels = metadata?.stringMap('labels');
  return { namespace: { name, ...(labels && Object.keys(labels).length > 0 ? { labels } : {}) }, at: read.location };
}
