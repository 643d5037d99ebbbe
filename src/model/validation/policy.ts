/**
 * NetworkPolicies and the namespaces their selectors match: peers that select something, ipBlock
 * ranges, port ranges, and policies that select a pod.
 */
import { cidrContainsCidr } from '../../net/cidr.ts';
import { selectorMatches } from '../label-selector.ts';
import { POLICY_TYPES } from '../enums.ts';
import { isPortName } from '../names.ts';
import type { Cluster, ClusterInput, NetworkPolicyPeer, NetworkPolicyPort } from '../types.ts';
import { allPods, checkCidrField, checkLabel, checkPort, checkProtocol, checkSubdomain, quote, type Report } from './fields.ts';
import { checkLabelMap, checkLabelSelector } from './labels.ts';

function checkPolicyPeer(peer: NetworkPolicyPeer, path: string, r: Report): void {
  checkLabelSelector(r, `${path}.podSelector`, peer.podSelector);
  checkLabelSelector(r, `${path}.namespaceSelector`, peer.namespaceSelector);
  if (peer.ipBlock) {
    if (peer.podSelector || peer.namespaceSelector) {
      r.error(
        path,
        'a peer sets ipBlock together with a selector',
        'split it into two peers: ipBlock cannot be combined with podSelector or namespaceSelector',
      );
    }
    if (checkCidrField(r, `${path}.ipBlock.cidr`, peer.ipBlock.cidr, 'ipBlock')) {
      (peer.ipBlock.except ?? []).forEach((ex, k) => {
        if (checkCidrField(r, `${path}.ipBlock.except[${k}]`, ex, 'except') && !cidrContainsCidr(peer.ipBlock!.cidr, ex)) {
          r.error(`${path}.ipBlock.except[${k}]`, `except ${ex} is outside ipBlock ${peer.ipBlock!.cidr}`, 'an except range must lie inside the ipBlock cidr');
        }
      });
    }
  } else if (!peer.podSelector && !peer.namespaceSelector) {
    r.error(path, 'a peer selects nothing', 'set podSelector, namespaceSelector or ipBlock (use {} to select all)');
  }
}

function checkPolicyPort(port: NetworkPolicyPort, path: string, r: Report): void {
  checkProtocol(r, `${path}.protocol`, port.protocol);
  if (typeof port.port === 'number') checkPort(r, `${path}.port`, port.port, 'port');
  else if (port.port !== undefined && !isPortName(port.port)) {
    r.error(`${path}.port`, `port ${quote(port.port)} is neither a number nor a port name`, "use a number such as 80 or a port name such as 'http'");
  }
  if (port.endPort === undefined) return;
  if (typeof port.port !== 'number') r.error(`${path}.endPort`, 'endPort needs a numeric port', 'set port to the first number of the range');
  else if (checkPort(r, `${path}.endPort`, port.endPort, 'endPort') && port.endPort < port.port) {
    r.error(`${path}.endPort`, `endPort ${port.endPort} is below port ${port.port}`, 'endPort is the last port of the range, inclusive');
  }
}

/** Checks every NetworkPolicy. */
export function checkNetworkPolicies(cluster: Cluster, r: Report): void {
  const pods = allPods(cluster);
  const seen = new Set<string>();
  cluster.networkPolicies.forEach((policy, i) => {
    const at = `networkPolicies[${i}]`;
    // ValidateNetworkPolicyName: a DNS-1123 subdomain.
    checkSubdomain(r, `${at}.name`, policy.name, 'NetworkPolicy name');
    checkLabelSelector(r, `${at}.podSelector`, policy.podSelector);
    if (seen.has(`${policy.namespace}/${policy.name}`)) {
      r.error(`${at}.name`, `NetworkPolicy ${policy.namespace}/${policy.name} is declared twice`, 'give each policy its own name');
    }
    seen.add(`${policy.namespace}/${policy.name}`);
    policy.policyTypes.forEach((type, k) => {
      if (!POLICY_TYPES.includes(type)) {
        r.error(`${at}.policyTypes[${k}]`, `policy type ${quote(type)} is not Ingress or Egress`, "use 'Ingress' and/or 'Egress'");
      }
    });
    const selected = pods.filter((p) => p.namespace === policy.namespace && selectorMatches(policy.podSelector, p.labels));
    if (selected.length === 0) {
      r.warning(
        `${at}.podSelector`,
        `podSelector matches no pod in namespace ${policy.namespace}`,
        'the policy isolates nothing: fix the labels or the namespace',
      );
    }
    policy.ingress.forEach((rule, k) => {
      (rule.from ?? []).forEach((peer, m) => checkPolicyPeer(peer, `${at}.ingress[${k}].from[${m}]`, r));
      (rule.ports ?? []).forEach((port, m) => checkPolicyPort(port, `${at}.ingress[${k}].ports[${m}]`, r));
    });
    policy.egress.forEach((rule, k) => {
      (rule.to ?? []).forEach((peer, m) => checkPolicyPeer(peer, `${at}.egress[${k}].to[${m}]`, r));
      (rule.ports ?? []).forEach((port, m) => checkPolicyPort(port, `${at}.egress[${k}].ports[${m}]`, r));
    });
  });
}

/** Checks the declared namespaces: labels as names, each declared once. */
export function checkNamespaces(input: ClusterInput, r: Report): void {
  const seen = new Set<string>();
  (input.namespaces ?? []).forEach((ns, i) => {
    checkLabel(r, `namespaces[${i}].name`, ns.name, 'namespace');
    checkLabelMap(r, `namespaces[${i}].labels`, ns.labels, 'label');
    if (seen.has(ns.name)) r.error(`namespaces[${i}].name`, `namespace ${quote(ns.name)} is declared twice`, 'declare each namespace once');
    seen.add(ns.name);
  });
}
