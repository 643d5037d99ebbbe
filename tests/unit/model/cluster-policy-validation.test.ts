/**
 * ClusterNetworkPolicy validation: each rule of the CRD (apis/v1beta1/clusternetworkpolicy_types.go)
 * gives one error naming the file and field, and a nearby valid value passes.
 */
import { describe, expect, it } from 'vitest';
import { validateCluster, type ClusterInput } from '../../../src/model/index.ts';
import type { ClusterNetworkPolicyInput } from '../../../src/model/types.ts';
import example from '../../../diagrams/cluster-network-policy.ts';

const FILE = 'diagrams/cluster-network-policy.ts';
type Mutation = (p: ClusterNetworkPolicyInput[]) => void;

function run(mutate: Mutation) {
  const input = structuredClone(example) as ClusterInput;
  mutate(input.clusterNetworkPolicies!);
  return validateCluster(input, { file: FILE }).diagnostics;
}

// [what, path, message, broken, valid twin]
const CASES: Array<[string, string, string, Mutation, Mutation]> = [
  ['tier', 'clusterNetworkPolicies[0].tier', 'tier "Adm" is not Admin or Baseline', (p) => void (p[0]!.tier = 'Adm' as 'Admin'), (p) => void (p[0]!.tier = 'Baseline')],
  ['priority range', 'clusterNetworkPolicies[0].priority', 'priority 1001 is not an integer from 0 to 1000', (p) => void (p[0]!.priority = 1001), (p) => void (p[0]!.priority = 1000)],
  ['v1alpha1 action name', 'clusterNetworkPolicies[0].egress[0].action', 'action "Allow" is not Accept, Deny or Pass', (p) => void (p[0]!.egress![0]!.action = 'Allow' as 'Accept'), (p) => void (p[0]!.egress![0]!.action = 'Accept')],
  ['subject union', 'clusterNetworkPolicies[1].subject', 'subject must set exactly one of namespaces, pods, and sets namespaces and pods', (p) => void (p[1]!.subject.pods = { podSelector: {} }), (p) => void (p[1]!.subject = { pods: { podSelector: {} } })],
  ['peer union', 'clusterNetworkPolicies[2].ingress[1].from[0]', 'a peer must set exactly one of namespaces, pods, and sets none of them', (p) => void (p[2]!.ingress![1]!.from = [{}]), (p) => void (p[2]!.ingress![1]!.from = [{ pods: { podSelector: {} } }])],
  ['empty peers', 'clusterNetworkPolicies[1].egress[0].to', 'to is empty', (p) => void (p[1]!.egress![0]!.to = []), (p) => void (p[1]!.egress![0]!.to = [{ namespaces: {} }])],
  ['port range order', 'clusterNetworkPolicies[0].egress[0].protocols[0].udp.destinationPort.range', 'range start 53 is not less than end 53', (p) => void (p[0]!.egress![0]!.protocols![0] = { udp: { destinationPort: { range: { start: 53, end: 53 } } } }), (p) => void (p[0]!.egress![0]!.protocols![0] = { udp: { destinationPort: { range: { start: 53, end: 54 } } } })],
  ['port number', 'clusterNetworkPolicies[0].egress[0].protocols[1].tcp.destinationPort.number', 'port 0 is not a port number between 1 and 65535', (p) => void (p[0]!.egress![0]!.protocols![1] = { tcp: { destinationPort: { number: 0 } } }), (p) => void (p[0]!.egress![0]!.protocols![1] = { tcp: { destinationPort: { number: 1 } } })],
  ['network CIDR', 'clusterNetworkPolicies[1].egress[0].to[0].networks[0]', 'network "10.0.0.1/8" has host bits set', (p) => void (p[1]!.egress![0]!.to = [{ networks: ['10.0.0.1/8'] }]), (p) => void (p[1]!.egress![0]!.to = [{ networks: ['10.0.0.0/8'] }])],
  ['named port towards networks', 'clusterNetworkPolicies[1].egress[0].protocols', 'a named port cannot be used with a networks peer', (p) => void Object.assign(p[1]!.egress![0]!, { to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'http' }] }), (p) => void Object.assign(p[1]!.egress![0]!, { to: [{ namespaces: {} }], protocols: [{ destinationNamedPort: 'http' }] })],
  ['duplicate name', 'clusterNetworkPolicies[1].name', 'ClusterNetworkPolicy cluster-dns is declared twice', (p) => void (p[1]!.name = 'cluster-dns'), (p) => void (p[1]!.name = 'shop-inside')],
];

describe('ClusterNetworkPolicy validation', () => {
  it('accepts the example definition without errors or warnings', () => {
    expect(run(() => {})).toEqual([]);
  });

  it.each(CASES)('%s: one error at its field, none for the valid twin', (_what, path, message, broken, twin) => {
    const errors = run(broken).filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, path });
    expect(errors[0]!.message).toContain(message);
    expect(run(twin).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('hints at the rename of Allow to Accept', () => {
    const [error] = run((p) => void (p[0]!.egress![0]!.action = 'Allow' as 'Accept'));
    expect(error!.hint).toContain("renamed AdminNetworkPolicy's Allow to Accept");
  });

  it('warns when a subject selects no pod', () => {
    const warnings = run((p) => void (p[2]!.subject = { namespaces: { matchLabels: { team: 'nobody' } } })).filter((d) => d.severity === 'warning');
    expect(warnings).toEqual([expect.objectContaining({ path: 'clusterNetworkPolicies[2].subject', message: 'the subject selects no pod' })]);
  });
});
