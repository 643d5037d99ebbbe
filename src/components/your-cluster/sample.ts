/// <reference types="vite/client" />
/**
 * The sample for "Load a sample": our hand-written kubeadm + flannel dump and its NetworkPolicies
 * (tests/fixtures/kubectl, see its README), merged into one `kind: List` as `kubectl get -o json`
 * prints it. Imported lazily by the page, so its bytes load only when asked for.
 */
import { parse } from 'yaml';
import cluster from '../../../tests/fixtures/kubectl/kubeadm-flannel-3node.json?raw';
import policies from '../../../tests/fixtures/kubectl/shop-networkpolicies.yaml?raw';

/** The merged sample, pretty-printed JSON. */
export function sampleText(): string {
  const list = JSON.parse(cluster) as { items: unknown[] };
  const extra = parse(policies) as { items: unknown[] };
  return JSON.stringify({ ...list, items: [...list.items, ...extra.items] }, null, 2);
}
