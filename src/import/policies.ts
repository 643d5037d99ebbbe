/**
 * NetworkPolicy (networking.k8s.io/v1) and Namespace objects -> the model. Field reference:
 * kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1.
 *
 * Label selectors are read whole: matchLabels and matchExpressions (In, NotIn, Exists,
 * DoesNotExist; metav1.LabelSelectorRequirement). A requirement with an unknown operator is left
 * out with a located error (the API server rejects it: ValidateLabelSelectorRequirement), and the
 * rest of the selector is kept.
 */
import type {
  IpBlock,
  LabelSelector,
  LabelSelectorOperator,
  LabelSelectorRequirement,
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

const OPERATORS: readonly LabelSelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** One `matchExpressions[]` entry; undefined (with a located error) when unreadable. */
function requirementOf(e: Reader, ref: string, issues: IssueCollector): LabelSelectorRequirement | undefined {
  const key = e.string('key');
  // oneOf reports an operator outside the four itself; a missing key or operator is reported here.
  const operator = e.oneOf('operator', OPERATORS);
  if (!key || !operator) {
    if (!key || !e.has('operator')) issues.error(e.location, `${ref}: a matchExpressions requirement without ${!key ? 'a key' : 'an operator'} was left out`);
    issues.warning(e.location, `${ref}: this selector selects more than in the cluster, as one of its requirements was left out`);
    return undefined;
  }
  const values = e.strings('values');
  return values.length > 0 ? { key, operator, values } : { key, operator };
}

/** A label selector: matchLabels and matchExpressions, as the API holds them. */
export function importSelector(read: Reader, ref: string, issues: IssueCollector): LabelSelector {
  const selector: LabelSelector = {};
  const matchLabels = read.stringMap('matchLabels');
  if (matchLabels && Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  const expressions = read.objects('matchExpressions').flatMap((e) => requirementOf(e, ref, issues) ?? []);
  if (expressions.length > 0) selector.matchExpressions = expressions;
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
