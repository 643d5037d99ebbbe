/**
 * The API objects behind ClusterIP allocation (KEP-1880, MultiCIDRServiceAllocator, GA in
 * v1.33): a `ServiceCIDR` named `kubernetes` for the `--service-cluster-ip-range` and one
 * `IPAddress` (networking.k8s.io/v1) per allocated ClusterIP, named by the address, labelled by
 * the allocator and pointing at its Service (pkg/registry/core/service/ipallocator).
 */
import { nthAddress, ipSortKey } from '../net/cidr.ts';
import { KUBERNETES_SERVICE, KUBERNETES_SERVICE_IP_INDEX } from '../model/defaults.ts';
import type { Cluster } from '../model/types.ts';

/** ipallocator's `ipaddress.kubernetes.io/managed-by` value. */
export const IP_ALLOCATOR = 'ipallocator.k8s.io';
/** The ServiceCIDR kube-apiserver creates from its flags. */
export const DEFAULT_SERVICE_CIDR_NAME = 'kubernetes';

/** One allocated ClusterIP and the Service that holds it. */
export interface ClusterIPAllocation {
  ip: string;
  namespace: string;
  service: string;
}

/** Every ClusterIP allocated in the cluster, `default/kubernetes` included, in address order. */
export function clusterIPAllocations(cluster: Cluster): ClusterIPAllocation[] {
  const apiServerIP = nthAddress(cluster.network.serviceCIDR, KUBERNETES_SERVICE_IP_INDEX);
  const out: ClusterIPAllocation[] = apiServerIP ? [{ ip: apiServerIP, ...KUBERNETES_SERVICE_REF }] : [];
  for (const s of cluster.services) {
    if (s.clusterIP && s.clusterIP !== 'None') out.push({ ip: s.clusterIP, namespace: s.namespace, service: s.name });
  }
  return out.sort((a, b) => (ipSortKey(a.ip) < ipSortKey(b.ip) ? -1 : 1));
}

const KUBERNETES_SERVICE_REF = { namespace: KUBERNETES_SERVICE.namespace, service: KUBERNETES_SERVICE.name };

/** `kubectl get servicecidr,ipaddress` in the shape of the objects' YAML (one document each). */
export function serviceIPObjectsYaml(cluster: Cluster): string {
  const docs = [
    [
      'apiVersion: networking.k8s.io/v1',
      'kind: ServiceCIDR',
      'metadata:',
      `  name: ${DEFAULT_SERVICE_CIDR_NAME}`,
      'spec:',
      `  cidrs: ["${cluster.network.serviceCIDR}"]`,
    ],
    ...clusterIPAllocations(cluster).map((a) => [
      'apiVersion: networking.k8s.io/v1',
      'kind: IPAddress',
      'metadata:',
      `  name: ${a.ip}`,
      '  labels:',
      '    ipaddress.kubernetes.io/ip-family: IPv4',
      `    ipaddress.kubernetes.io/managed-by: ${IP_ALLOCATOR}`,
      'spec:',
      `  parentRef: { group: "", resource: services, namespace: ${a.namespace}, name: ${a.service} }`,
    ]),
  ];
  return `${docs.map((d) => d.join('\n')).join('\n---\n')}\n`;
}
