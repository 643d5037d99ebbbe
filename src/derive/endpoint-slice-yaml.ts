/**
 * A hand-written EndpointSlice as the YAML you would `kubectl apply` (discovery.k8s.io/v1): the
 * `kubernetes.io/service-name` label links it to its Service, `endpointslice.kubernetes.io/managed-by`
 * keeps the EndpointSlice controller away from it.
 */
import type { Cluster, EndpointSlice } from '../model/types.ts';
import { splitRef } from './lookup.ts';

/** The hand-written slice `"ns/name"` (or `"name"` in default); throws naming the known slices. */
export function findEndpointSlice(cluster: Cluster, ref: string): EndpointSlice {
  const [namespace, name] = splitRef(ref);
  const slice = (cluster.endpointSlices ?? []).find((s) => s.name === name && s.namespace === namespace);
  if (!slice) {
    const known = (cluster.endpointSlices ?? []).map((s) => `${s.namespace}/${s.name}`).join(', ') || 'none';
    throw new Error(`cluster "${cluster.name}": no EndpointSlice ${namespace}/${name} (known: ${known})`);
  }
  return slice;
}

/** The slice's manifest. Conditions are written out in full, as `kubectl get -o yaml` shows them. */
export function endpointSliceYaml(cluster: Cluster, ref: string): string {
  const s = findEndpointSlice(cluster, ref);
  const lines = [
    'apiVersion: discovery.k8s.io/v1',
    'kind: EndpointSlice',
    'metadata:',
    `  name: ${s.name}`,
    `  namespace: ${s.namespace}`,
    '  labels:',
    `    kubernetes.io/service-name: ${s.service}`,
    `    endpointslice.kubernetes.io/managed-by: ${s.managedBy}`,
    `addressType: ${s.addressType}`,
    'ports:',
    ...s.ports.flatMap((p) => [`  - name: ${p.name === '' ? '""' : p.name}`, `    protocol: ${p.protocol}`, `    port: ${p.port}`]),
    'endpoints:',
    ...s.endpoints.flatMap((e) => [
      `  - addresses: [${e.addresses.map((a) => `"${a}"`).join(', ')}]`,
      `    conditions: { ready: ${e.ready}, serving: ${e.serving}, terminating: ${e.terminating} }`,
      ...(e.nodeName !== undefined ? [`    nodeName: ${e.nodeName}`] : []),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
