/**
 * The YAML a reader would `kubectl apply` for a cluster's Ingresses and IngressClasses, as
 * `networking.k8s.io/v1` (kubernetes/api networking/v1/types.go). The model's flat rules (host,
 * path, backend) become the API's nesting: one rule per host, in the order hosts first appear, each
 * with its `http.paths`. The model's `controllerService` (which Service fronts the controller) is
 * not part of the API object and is left out.
 */
import { stringify } from 'yaml';
import type { Cluster, IngressClassInput } from '../model/types.ts';
import { splitRef } from './lookup.ts';

/** API group and version of the objects written. */
export const INGRESS_API_VERSION = 'networking.k8s.io/v1';

/** The annotation that marks an IngressClass as the cluster's default. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** Kinds this module writes. */
export type IngressManifestKind = 'Ingress' | 'IngressClass';

type Fields = Record<string, unknown>;
type Ingress = Cluster['ingresses'][number];

/** The IngressClass object. */
export function ingressClassObject(ic: IngressClassInput): Fields {
  const annotations = ic.isDefaultClass ? { annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } } : {};
  return { apiVersion: INGRESS_API_VERSION, kind: 'IngressClass', metadata: { name: ic.name, ...annotations }, spec: { controller: ic.controller } };
}

/** The Ingress object. */
export function ingressObject(ing: Ingress): Fields {
  const byHost = new Map<string | undefined, Fields[]>();
  for (const rule of ing.rules) {
    const path = { path: rule.path, pathType: rule.pathType ?? 'Prefix', backend: { service: { name: rule.backend.service, port: { number: rule.backend.port } } } };
    byHost.set(rule.host, [...(byHost.get(rule.host) ?? []), path]);
  }
  const rules = [...byHost].map(([host, paths]) => ({ ...(host !== undefined ? { host } : {}), http: { paths } }));
  return {
    apiVersion: INGRESS_API_VERSION,
    kind: 'Ingress',
    metadata: { name: ing.name, namespace: ing.namespace },
    spec: { ...(ing.ingressClassName !== undefined ? { ingressClassName: ing.ingressClassName } : {}), rules },
  };
}

/**
 * The object of `kind` named `ref`: an IngressClass by name, an Ingress by `namespace/name` (or a
 * bare name in `default`). Throws when absent.
 */
export function ingressApiObject(cluster: Cluster, kind: IngressManifestKind, ref: string): Fields {
  const missing = () => new Error(`Cluster "${cluster.name}" has no ${kind} "${ref}".`);
  if (kind === 'IngressClass') {
    const ic = cluster.ingressClasses?.find((c) => c.name === ref);
    if (!ic) throw missing();
    return ingressClassObject(ic);
  }
  const [namespace, name] = splitRef(ref);
  const ing = cluster.ingresses.find((i) => i.namespace === namespace && i.name === name);
  if (!ing) throw missing();
  return ingressObject(ing);
}

/** That object as one YAML document. */
export function ingressManifest(cluster: Cluster, kind: IngressManifestKind, ref: string): string {
  return stringify(ingressApiObject(cluster, kind, ref), { lineWidth: 0 });
}
