/**
 * The cluster-definition model: types, `defineCluster`, defaults and validation.
 * Isomorphic: `load.ts` (Node-only) is exported from `src/model/load` instead.
 */
export type * from './types.ts';
export { defineCluster } from './define.ts';
export { appPod, controlPlaneNode, corednsPod, node, type NodeFields, type PodFields } from './helpers.ts';
export {
  resolveCluster,
  kubeDnsService,
  labelsMatch,
  defaultDnsIP,
  defaultPolicyTypes,
  hasNodePort,
  DEFAULT_SERVICE_CIDR,
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_NAMESPACE,
  DNS_NAMESPACE,
  DNS_SERVICE_NAME,
  DNS_POD_LABELS,
  NODE_PORT_RANGE,
  NAMESPACE_NAME_LABEL,
} from './defaults.ts';
export { clusterNameOf, validateCluster, type ValidateOptions, type ValidationResult } from './validate.ts';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics.ts';
export { cidrContainsIp, cidrContainsCidr, cidrsOverlap, isCidr, isIp, nthAddress, parseCidr, parseIp } from '../net/cidr.ts';
export { defaultClusterCIDR } from '../plugins/index.ts';
export { isDns1123Label, isDns1035Label, isDns1123Subdomain, isPortName } from './names.ts';
