/**
 * Which network plugin the objects show, and the model plugin that draws it. Evidence, strongest
 * first: node annotations the plugin writes (flannel: `<prefix>/backend-type` and friends,
 * flannel pkg/subnet/kube/annotations.go newAnnotations, with the default --kube-annotation-prefix
 * `flannel.alpha.coreos.com`; Calico: `projectcalico.org/IPv4Address` and the tunnel addresses
 * `projectcalico.org/IPv4IPIPTunnelAddr` / `IPv4VXLANTunnelAddr` that calico/node sets on its
 * Node), the DaemonSet that owns per-node pods (kube-flannel-ds,
 * calico-node, cilium, kindnet, ...), CiliumNode objects, and last the pod CIDRs (flannel's
 * 10.244.0.0/16 and Calico's 192.168.0.0/16 defaults) as a weak hint only.
 */
import { flannel, type FlannelPlugin } from '../plugins/flannel.ts';
import type { PluginSpec } from '../plugins/index.ts';
import type { ImportedNode } from './nodes.ts';
import type { ImportedPod } from './pods.ts';

/** A plugin the objects can show (more than the model draws). */
export type DetectedPlugin = 'flannel' | 'calico' | 'cilium' | 'kindnet' | 'openshift-sdn' | 'ovn-kubernetes' | 'weave';

/** What the import decided about the network plugin. */
export interface PluginDetection {
  /** The model plugin used. */
  spec: PluginSpec;
  /** The plugin the objects show, if any. */
  detected?: DetectedPlugin;
  /** What was seen, in words, e.g. `node kind-worker: annotation flannel.alpha.coreos.com/backend-type=vxlan`. */
  evidence: string[];
  /** `override`: the caller chose; `detected`: drawn as seen; `approximated`: seen but not modelled, drawn as the nearest; `assumed`: nothing seen. */
  basis: 'override' | 'detected' | 'approximated' | 'assumed';
  /** One sentence for the reader on the choice. */
  note: string;
}

// DaemonSet names of the plugins' per-node agents, from their install manifests.
const AGENTS: ReadonlyArray<[RegExp, DetectedPlugin]> = [
  [/^kube-flannel(-ds)?$/, 'flannel'],
  [/^calico-node$/, 'calico'],
  [/^cilium$/, 'cilium'],
  [/^kindnet$/, 'kindnet'],
  [/^sdn$/, 'openshift-sdn'],
  [/^ovnkube-node$/, 'ovn-kubernetes'],
  [/^weave-net$/, 'weave'],
];

// The model plugin nearest to each unmodelled one, and why.
const APPROXIMATIONS: Record<Exclude<DetectedPlugin, 'flannel' | 'calico'>, [PluginSpec, string]> = {
  kindnet: [{ name: 'flannel', backend: 'host-gw' }, 'kindnet routes each node’s pod CIDR via that node’s IP, as flannel host-gw does'],
  cilium: [{ name: 'flannel', backend: 'vxlan' }, 'Cilium’s settings (routing mode, kube-proxy replacement, router IPs) are in the cilium-config ConfigMap and CiliumNode objects, which are not read; its default tunnel mode wraps pod traffic in VXLAN, as flannel vxlan does'],
  'openshift-sdn': [{ name: 'flannel', backend: 'vxlan' }, 'OpenShift SDN is not modelled; it carries pod traffic between nodes in VXLAN, as flannel vxlan does'],
  'ovn-kubernetes': [{ name: 'flannel', backend: 'vxlan' }, 'OVN-Kubernetes is not modelled; it tunnels pod traffic (Geneve), drawn as flannel vxlan'],
  weave: [{ name: 'flannel', backend: 'vxlan' }, 'Weave Net is not modelled; its fast datapath uses VXLAN, as flannel vxlan does'],
};

function calicoMode(nodes: readonly ImportedNode[]): 'bgp' | 'ipip' | 'vxlan' {
  const keys = nodes.flatMap((n) => n.annotationKeys);
  if (keys.includes('projectcalico.org/IPv4VXLANTunnelAddr')) return 'vxlan';
  if (keys.includes('projectcalico.org/IPv4IPIPTunnelAddr')) return 'ipip';
  return 'bgp';
}

function collectEvidence(nodes: readonly ImportedNode[], pods: readonly ImportedPod[], kinds: ReadonlySet<string>): Array<[DetectedPlugin, string]> {
  const found: Array<[DetectedPlugin, string]> = [];
  for (const n of nodes) {
    const name = n.node.name;
    if (n.annotationKeys.some((k) => k.startsWith('flannel.alpha.coreos.com/'))) found.push(['flannel', `node ${name}: flannel.alpha.coreos.com annotations${n.flannelBackend ? ` (backend-type ${n.flannelBackend})` : ''}`]);
    if (n.annotationKeys.some((k) => k.startsWith('projectcalico.org/'))) found.push(['calico', `node ${name}: projectcalico.org annotations`]);
    if (n.annotationKeys.some((k) => k.startsWith('io.cilium') || k.startsWith('network.cilium.io'))) found.push(['cilium', `node ${name}: Cilium annotations`]);
    if (n.annotationKeys.some((k) => k.startsWith('k8s.ovn.org/'))) found.push(['ovn-kubernetes', `node ${name}: k8s.ovn.org annotations`]);
  }
  const seenAgents = new Set<string>();
  for (const p of pods) {
    const [kind, owner] = (p.owner ?? '').split('/');
    if (kind !== 'DaemonSet' || !owner || seenAgents.has(owner)) continue;
    const match = AGENTS.find(([pattern]) => pattern.test(owner));
    if (match) {
      seenAgents.add(owner);
      found.push([match[1], `DaemonSet ${p.pod.namespace}/${owner} runs pods such as ${p.pod.name}`]);
    }
  }
  if (kinds.has('CiliumNode')) found.push(['cilium', 'CiliumNode objects']);
  return found;
}

/** Detects the plugin from nodes, pods and object kinds; `override` wins but the evidence is still listed. */
export function detectPlugin(nodes: readonly ImportedNode[], pods: readonly ImportedPod[], kinds: ReadonlySet<string>, override?: PluginSpec): PluginDetection {
  const found = collectEvidence(nodes, pods, kinds);
  const evidence = found.map(([, why]) => why);
  // The strongest signal is the plugin seen most often (annotations on every node, one agent).
  const counts = new Map<DetectedPlugin, number>();
  for (const [plugin] of found) counts.set(plugin, (counts.get(plugin) ?? 0) + 1);
  const detected = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (override) {
    return { spec: override, ...(detected ? { detected } : {}), evidence, basis: 'override', note: `plugin ${override.name} chosen by the reader${detected ? ` (the objects show ${detected})` : ''}` };
  }
  if (detected === 'flannel') {
    const backend = nodes.find((n) => n.flannelBackend)?.flannelBackend;
    // The backends the flannel module models; any other (udp, ipip, cloud backends) is drawn as vxlan.
    const backends = flannel.mode?.values ?? [];
    const modelled = (backend && backends.includes(backend) ? backend : 'vxlan') as FlannelPlugin['backend'];
    const note = backend && backend !== modelled ? `flannel with backend ${backend}, drawn as vxlan (the model has ${backends.join(', ')})` : `flannel, ${modelled} backend`;
    return { spec: { name: 'flannel', backend: modelled }, detected, evidence, basis: backend && backend !== modelled ? 'approximated' : 'detected', note };
  }
  if (detected === 'calico') {
    const mode = calicoMode(nodes);
    return { spec: { name: 'calico', mode }, detected, evidence, basis: 'detected', note: `Calico, ${mode} mode (from its tunnel-address node annotations)` };
  }
  if (detected) {
    const [spec, why] = APPROXIMATIONS[detected];
    return { spec, detected, evidence, basis: 'approximated', note: why };
  }
  const podRanges = nodes.map((n) => n.node.podCIDR).filter(Boolean);
  const calicoLike = podRanges.length > 0 && podRanges.every((c) => c.startsWith('192.168.'));
  const spec: PluginSpec = calicoLike ? { name: 'calico', mode: 'ipip' } : { name: 'flannel', backend: 'vxlan' };
  const hint = calicoLike ? 'pod ranges in Calico’s default pool 192.168.0.0/16' : 'nothing in the objects names the plugin';
  return { spec, evidence: calicoLike ? ['pod CIDRs in 192.168.0.0/16'] : [], basis: 'assumed', note: `${spec.name} assumed: ${hint}; choose the plugin if you know it` };
}
