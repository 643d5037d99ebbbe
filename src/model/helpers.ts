/**
 * Shorthands for what cluster definitions repeat, so that a definition shows what its page is
 * about: a node with its addresses and pods, a pod with the label its Service selects, the
 * cluster DNS pods. Each returns the plain input it stands for, so validation and the editor see
 * the same fields as if they were written out.
 */
import { DNS_NAMESPACE, DNS_POD_LABELS } from './defaults.ts';
import type { NodeInput, PodInput } from './types.ts';

/** Pod fields besides name and IP. */
export type PodFields = Omit<PodInput, 'name' | 'ip'>;

/** Node fields besides name, addresses and pods. */
export type NodeFields = Omit<NodeInput, 'name' | 'ip' | 'podCIDR' | 'pods'>;

/** A worker node: its name, IP on the node network, podCIDR and the pods it runs. */
export function node(name: string, ip: string, podCIDR: string, pods: PodInput[] = [], fields: NodeFields = {}): NodeInput {
  return { name, ip, podCIDR, ...fields, pods };
}

/** A node that also runs the control plane. */
export function controlPlaneNode(name: string, ip: string, podCIDR: string, pods: PodInput[] = [], fields: NodeFields = {}): NodeInput {
  return node(name, ip, podCIDR, pods, { controlPlane: true, ...fields });
}

/** A workload pod labelled `app: <app>`, the label its Service selects. */
export function appPod(name: string, ip: string, app: string, fields: PodFields = {}): PodInput {
  return { name, ip, labels: { app }, ...fields };
}

/**
 * A cluster DNS pod as kubeadm deploys CoreDNS: in kube-system, labelled `k8s-app: kube-dns` (what
 * the kube-dns Service selects), with dnsPolicy Default so it forwards to the node's resolver
 * (kubeadm cmd/kubeadm/app/phases/addons/dns/manifests.go).
 */
export function corednsPod(name: string, ip: string, fields: PodFields = {}): PodInput {
  return { name, namespace: DNS_NAMESPACE, ip, labels: { ...DNS_POD_LABELS }, dnsPolicy: 'Default', ...fields };
}
