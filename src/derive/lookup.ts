/**
 * Small lookups over a resolved `Cluster` shared by the derivations, with errors that
 * name the cluster and what was asked for.
 */
import type { Cluster, Node, Pod, Service } from '../model/types.ts';

/** Finds a pod by `"namespace/name"` or `"name"` (namespace `default`). */
export function findPod(cluster: Cluster, ref: string): Pod {
  const [namespace, name] = splitRef(ref);
  for (const node of cluster.nodes) {
    const pod = node.pods.find((p) => p.name === name && p.namespace === namespace);
    if (pod) return pod;
  }
  const known = cluster.nodes.flatMap((n) => n.pods.map((p) => `${p.namespace}/${p.name}`));
  throw new Error(
    `Cluster "${cluster.name}" has no pod "${namespace}/${name}". Pods declared: ${known.join(', ') || '(none)'}.`,
  );
}

/** Finds a Service by `"namespace/name"` or `"name"` (namespace `default`). */
export function findService(cluster: Cluster, ref: string): Service {
  const [namespace, name] = splitRef(ref);
  const service = cluster.services.find((s) => s.name === name && s.namespace === namespace);
  if (service) return service;
  const known = cluster.services.map((s) => `${s.namespace}/${s.name}`);
  throw new Error(
    `Cluster "${cluster.name}" has no Service "${namespace}/${name}". Services: ${known.join(', ') || '(none)'}.`,
  );
}

/** Finds a node by name. */
export function findNode(cluster: Cluster, name: string): Node {
  const node = cluster.nodes.find((n) => n.name === name);
  if (node) return node;
  throw new Error(
    `Cluster "${cluster.name}" has no node "${name}". Nodes: ${cluster.nodes.map((n) => n.name).join(', ')}.`,
  );
}

/** The node a pod runs on. */
export function nodeOfPod(cluster: Cluster, pod: Pod): Node {
  return findNode(cluster, pod.node);
}

/** Splits `"ns/name"` into `[ns, name]`; a bare name means namespace `default`. */
export function splitRef(ref: string): [string, string] {
  const slash = ref.indexOf('/');
  return slash === -1 ? ['default', ref] : [ref.slice(0, slash), ref.slice(slash + 1)];
}

/** All pods of the cluster, in declaration order. */
export function allPods(cluster: Cluster): Pod[] {
  return cluster.nodes.flatMap((n) => n.pods);
}
