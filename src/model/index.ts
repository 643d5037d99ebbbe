/**
 * The cluster-definition model: types, `defineCluster`, defaults and validation.
 * Isomorphic: `load.ts` (Node-only) is exported from `src/model/load` instead.
 */
export type * from './types';
export { defineCluster } from './define';
export { appPod, controlPlaneNode, corednsPod, node, type NodeFields, type PodFields } from './helpers';
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
} from './defaults';
export { clusterNameOf, validateCluster, type ValidateOptions, type ValidationResult } from './validate';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics';
export { cidrContainsIp, cidrContainsCidr, cidrsOverlap, isCidr, isIp, nthAddress, parseCidr, parseIp } from '../net/cidr';
export { defaultClusterCIDR } from '../plugins';
export { isDns1123Label, isDns1035Label, isDns1123Subdomain, isPortName } from './names';
