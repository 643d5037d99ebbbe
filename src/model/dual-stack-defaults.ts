/**
 * The dual-stack defaults of `resolveCluster()`: a Service's family fields and the ClusterIPs of
 * the families it was not given. Only Services of clusters that declare `serviceCIDRs`, or that
 * use a family field themselves, get them, so single-stack definitions resolve as before.
 */
import { cidrContainsIp, ipFamilyOf, nthAddress } from '../net/cidr.ts';
import { defaultServiceFamilies, usesFamilyFields } from './ip-families.ts';
import type { IPFamily, Service, ServiceInput } from './types.ts';

// kube-apiserver: the first address of the first service range belongs to default/kubernetes.
const KUBERNETES_INDEX = 1;

/**
 * The family fields of a declared Service (`{}` when it needs none). `serviceCIDRs` are the
 * cluster's service ranges, the default family first; `force` gives every Service the fields
 * (a cluster that lists its ranges per family).
 */
export function resolveFamilyFields(input: ServiceInput, serviceCIDRs: readonly string[], force = false): Partial<Service> {
  if (!force && !usesFamilyFields(input)) return {};
  const families = serviceCIDRs.map(ipFamilyOf).filter((f): f is IPFamily => f !== undefined);
  const fields = defaultServiceFamilies(input, families);
  if (!fields) {
    // ExternalName: keep what was given, for validation to reject as the API server does.
    const given: Partial<Service> = {};
    if (input.ipFamilyPolicy !== undefined) given.ipFamilyPolicy = input.ipFamilyPolicy;
    if (input.ipFamilies !== undefined) given.ipFamilies = input.ipFamilies;
    if (input.clusterIPs !== undefined) given.clusterIPs = input.clusterIPs;
    return given;
  }
  const out: Partial<Service> = { ipFamilyPolicy: fields.ipFamilyPolicy, ipFamilies: fields.ipFamilies, clusterIPs: fields.clusterIPs };
  if (input.clusterIP === undefined && fields.clusterIPs[0] !== undefined) out.clusterIP = fields.clusterIPs[0];
  return out;
}

/**
 * Gives each Service with `ipFamilies` a ClusterIP of every family it has none for: the lowest
 * free address of that family's range (the API server picks at random; lowest keeps builds
 * reproducible). Runs before the single-family allocator, which then skips these Services.
 */
export function allocateFamilyAddresses(services: Service[], serviceCIDRs: readonly string[]): void {
  const taken = new Set(services.flatMap((s) => [s.clusterIP ?? '', ...(s.clusterIPs ?? [])]).filter((ip) => ip && ip !== 'None'));
  const kubernetesIP = serviceCIDRs[0] ? nthAddress(serviceCIDRs[0], KUBERNETES_INDEX) : undefined;
  if (kubernetesIP) taken.add(kubernetesIP);
  for (const service of services) {
    if (!service.ipFamilies || !service.clusterIPs || service.clusterIPs[0] === 'None') continue;
    service.ipFamilies.forEach((family, i) => {
      if (service.clusterIPs![i]) return;
      const rangeIndex = serviceCIDRs.findIndex((c) => ipFamilyOf(c) === family);
      if (rangeIndex === -1) return; // not configured on this cluster: validation reports it
      const range = serviceCIDRs[rangeIndex]!;
      let n = rangeIndex === 0 ? KUBERNETES_INDEX + 1 : 1;
      let candidate = nthAddress(range, n);
      while (candidate && taken.has(candidate)) candidate = nthAddress(range, ++n);
      if (candidate && cidrContainsIp(range, candidate)) {
        service.clusterIPs![i] = candidate;
        taken.add(candidate);
      }
    });
    if (service.clusterIPs[0]) service.clusterIP = service.clusterIPs[0];
  }
}
